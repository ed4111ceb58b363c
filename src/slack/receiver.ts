import type { IncomingMessage, ServerResponse } from 'node:http';
import { HTTPReceiver, type HTTPReceiverOptions } from '@slack/bolt';

/** Slack's tolerance for request timestamps, in seconds (Bolt applies it to stale ones only). */
const MAX_SKEW_SECONDS = 5 * 60;

/** The request's x-slack-request-timestamp, when it holds one number of seconds. */
function requestTimestamp(req: IncomingMessage): number | undefined {
  const header = req.headers['x-slack-request-timestamp'];
  if (typeof header !== 'string' || !/^\d+$/.test(header)) return undefined;
  return Number(header);
}

/**
 * Bolt's HTTP receiver, refusing also requests stamped more than five minutes in the
 * future: a signed request captured with a clock far ahead could be replayed until then.
 * They get the answer Bolt gives a stale one, 401 without a body.
 */
export class SlackReceiver extends HTTPReceiver {
  constructor(options: HTTPReceiverOptions) {
    super(options);
    const serve = this.requestListener;
    const logger = options.logger;
    this.requestListener = (req: IncomingMessage, res: ServerResponse) => {
      const timestamp = requestTimestamp(req);
      if (timestamp !== undefined && timestamp > Math.floor(Date.now() / 1000) + MAX_SKEW_SECONDS) {
        logger?.warn(`Refused a request stamped in the future (x-slack-request-timestamp ${timestamp})`);
        res.writeHead(401).end();
        return;
      }
      serve(req, res);
    };
  }
}
