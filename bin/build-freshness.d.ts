export declare const builtCli: URL;
export declare function buildIsFresh(): boolean;
