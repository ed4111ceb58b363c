// The local Slack's clock: run what the scheduler runs on a working day.
import { useState } from 'preact/hooks';
import type { Strings } from './strings.js';

/** The next Monday–Friday after `today` (YYYY-MM-DD). */
export function nextWorkingDay(today: string): string {
  const d = new Date(`${today}T12:00:00Z`);
  if (Number.isNaN(d.getTime())) return today;
  do d.setUTCDate(d.getUTCDate() + 1);
  while (d.getUTCDay() === 0 || d.getUTCDay() === 6);
  return d.toISOString().slice(0, 10);
}

export interface ClockProps {
  s: Strings;
  today: string;
  busy: boolean;
  onRun: (date: string) => Promise<string | null>;
}

export function Clock(p: ClockProps) {
  // The chosen date follows the clock: a new `today` proposes the next working day again.
  const [chosen, setChosen] = useState<{ today: string; date: string } | null>(null);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const date = chosen && chosen.today === p.today ? chosen.date : nextWorkingDay(p.today);
  const disabled = p.busy || running;
  return (
    <form
      class="clock"
      onSubmit={(e) => {
        e.preventDefault();
        if (disabled || !date) return;
        setRunning(true);
        setError(null);
        void p.onRun(date).then((err) => {
          setRunning(false);
          setError(err);
        });
      }}
    >
      <span class="today">{p.s.today(p.today)}</span>
      <label for="clock-date">{p.s.runMorningOf}</label>
      <input
        id="clock-date"
        type="date"
        value={date}
        required
        onInput={(e) => setChosen({ today: p.today, date: e.currentTarget.value })}
      />
      <button type="submit" class="bk-btn primary" disabled={disabled} aria-busy={disabled}>
        {p.s.run}
      </button>
      {disabled ? (
        <span class="running" role="status">
          {p.s.running}
        </span>
      ) : null}
      {error ? (
        <span class="inline-error" role="alert">
          {error}
        </span>
      ) : null}
    </form>
  );
}
