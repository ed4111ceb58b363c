import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from 'pino';

const toPino: Record<LogLevel, string> = {
  [LogLevel.DEBUG]: 'debug',
  [LogLevel.INFO]: 'info',
  [LogLevel.WARN]: 'warn',
  [LogLevel.ERROR]: 'error',
};

/** Bolt's logger interface on top of pino, so the app writes one log stream. */
export function boltLogger(logger: Logger): BoltLogger {
  const child = logger.child({ component: 'bolt' });
  const write = (level: 'debug' | 'info' | 'warn' | 'error') => (...msg: unknown[]) => child[level](msg.map(String).join(' '));
  return {
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    setLevel: (level: LogLevel) => {
      child.level = toPino[level];
    },
    getLevel: () => (Object.entries(toPino).find(([, v]) => v === child.level)?.[0] as LogLevel | undefined) ?? LogLevel.INFO,
    setName: () => undefined,
  };
}
