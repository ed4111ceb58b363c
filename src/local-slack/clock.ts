import { instantAt, todayIn, type IsoDate } from '../domain/calendar.js';

/**
 * The local Slack's clock: real time moved to another day. Running the morning of a later
 * day moves it there, so what a member logs next happens on that day, as it would in Slack.
 */
export function shiftedClock(timeZone: string) {
  let offsetMs = 0;
  const now = () => new Date(Date.now() + offsetMs);
  return {
    now,
    today: (): IsoDate => todayIn(timeZone, now()),
    /** Puts the clock at `hhmm` of `date` in the policy's zone; it runs on from there. */
    moveTo(date: IsoDate, hhmm: string): void {
      offsetMs = instantAt(timeZone, date, hhmm).getTime() - Date.now();
    },
  };
}

export type ShiftedClock = ReturnType<typeof shiftedClock>;
