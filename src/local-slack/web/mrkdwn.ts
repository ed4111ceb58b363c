// Slack's mrkdwn as a list of tokens the components draw (pure: no DOM, no HTML strings).

export type Inline =
  | { t: 'text'; text: string }
  | { t: 'bold' | 'italic' | 'strike'; children: Inline[] }
  | { t: 'code'; text: string }
  | { t: 'link'; url: string; children: Inline[] }
  | { t: 'user'; id: string; label?: string }
  | { t: 'channel'; id: string; label?: string }
  | { t: 'special'; name: string; label?: string }
  | { t: 'date'; unix: number; format: string; link?: string; fallback: string }
  | { t: 'br' };

export type Block =
  | { t: 'para'; children: Inline[] }
  | { t: 'quote'; children: Inline[] }
  | { t: 'pre'; text: string };

/** `&lt; &gt; &amp;` as Slack escapes them in text. */
export function unescapeEntities(s: string): string {
  return s.replace(/&(lt|gt|amp|quot|#39);/g, (_m, name: string) =>
    name === 'lt' ? '<' : name === 'gt' ? '>' : name === 'amp' ? '&' : name === 'quot' ? '"' : "'",
  );
}

const OPEN = '\uE000';
const CLOSE = '\uE001';

/** An angle-bracket token: `<@U…>`, `<#C…|name>`, `<!date^…|…>`, `<!here>`, `<url|text>`, `<url>`. */
function angleToken(body: string): Inline {
  const bar = body.indexOf('|');
  const head = bar === -1 ? body : body.slice(0, bar);
  const label = bar === -1 ? undefined : body.slice(bar + 1);
  if (head.startsWith('@')) return label === undefined ? { t: 'user', id: head.slice(1) } : { t: 'user', id: head.slice(1), label };
  if (head.startsWith('#')) return label === undefined ? { t: 'channel', id: head.slice(1) } : { t: 'channel', id: head.slice(1), label };
  if (head.startsWith('!date^')) {
    const parts = head.split('^');
    const unix = Number(parts[1]);
    const format = parts[2] ?? '{date_short}';
    const link = parts[3];
    const fallback = unescapeEntities(label ?? '');
    if (!Number.isFinite(unix)) return { t: 'text', text: fallback };
    return link ? { t: 'date', unix, format, link, fallback } : { t: 'date', unix, format, fallback };
  }
  if (head.startsWith('!')) {
    const name = head.slice(1).split('^')[0] ?? '';
    return label === undefined ? { t: 'special', name } : { t: 'special', name, label: unescapeEntities(label) };
  }
  const url = unescapeEntities(head);
  const text = label === undefined ? url : label;
  return { t: 'link', url, children: label === undefined ? [{ t: 'text', text: url }] : parseFormatting(text, []) };
}

const FORMAT = /(?<![\p{L}\p{N}*_~])([*_~])(?!\s)((?:(?!\1)[^\n])*?[^\s])\1(?![\p{L}\p{N}])/u;

/** Bold, italics and strike-through over text whose atoms were replaced by placeholders. */
function parseFormatting(s: string, atoms: Inline[]): Inline[] {
  const out: Inline[] = [];
  let rest = s;
  while (rest.length > 0) {
    const m = FORMAT.exec(rest);
    if (!m) {
      pushText(out, rest, atoms);
      break;
    }
    const [whole, mark, inner] = m as unknown as [string, string, string];
    pushText(out, rest.slice(0, m.index), atoms);
    const kind = mark === '*' ? 'bold' : mark === '_' ? 'italic' : 'strike';
    out.push({ t: kind, children: parseFormatting(inner, atoms) });
    rest = rest.slice(m.index + whole.length);
  }
  return out;
}

/** Plain text with placeholders back to their atoms and line breaks as `br`. */
function pushText(out: Inline[], s: string, atoms: Inline[]): void {
  const re = new RegExp(`${OPEN}(\\d+)${CLOSE}|\\n`, 'g');
  let last = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    if (m.index > last) out.push({ t: 'text', text: unescapeEntities(s.slice(last, m.index)) });
    if (m[1] !== undefined) {
      const atom = atoms[Number(m[1])];
      if (atom) out.push(atom);
    } else out.push({ t: 'br' });
    last = m.index + m[0].length;
  }
  if (last < s.length) out.push({ t: 'text', text: unescapeEntities(s.slice(last)) });
}

/** One paragraph or quote's text: atoms first (code, angle tokens), then formatting. */
export function parseInline(s: string): Inline[] {
  const atoms: Inline[] = [];
  const hold = (atom: Inline): string => {
    atoms.push(atom);
    return `${OPEN}${atoms.length - 1}${CLOSE}`;
  };
  const held = s
    .replace(/`([^`\n]+)`/g, (_m, code: string) => hold({ t: 'code', text: unescapeEntities(code) }))
    .replace(/<([^<>\n]+)>/g, (_m, body: string) => hold(angleToken(body)));
  return parseFormatting(held, atoms);
}

const QUOTE = /^(?:>|&gt;) ?/;

/** A whole mrkdwn text: ```pre``` blocks, `>` quotes and paragraphs. */
export function parseMrkdwn(text: string): Block[] {
  const blocks: Block[] = [];
  const parts = text.split(/```/);
  parts.forEach((part, i) => {
    const isPre = i % 2 === 1 && i < parts.length - 1;
    if (isPre) {
      blocks.push({ t: 'pre', text: unescapeEntities(part.replace(/^\n/, '').replace(/\n$/, '')) });
      return;
    }
    const source = i % 2 === 1 ? '```' + part : part;
    let para: string[] = [];
    let quote: string[] = [];
    const flushPara = (): void => {
      if (para.length) blocks.push({ t: 'para', children: parseInline(para.join('\n')) });
      para = [];
    };
    const flushQuote = (): void => {
      if (quote.length) blocks.push({ t: 'quote', children: parseInline(quote.join('\n')) });
      quote = [];
    };
    const lines = source.split('\n');
    // A pre block swallows the newline around it: drop the empty edges it leaves.
    if (i > 0 && lines[0] === '') lines.shift();
    if (i < parts.length - 1 && lines[lines.length - 1] === '') lines.pop();
    for (const line of lines) {
      if (QUOTE.test(line)) {
        flushPara();
        quote.push(line.replace(QUOTE, ''));
      } else {
        flushQuote();
        para.push(line);
      }
    }
    flushPara();
    flushQuote();
  });
  return blocks;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** `<!date^…^{date_short} {time}|…>` in the reader's language (the browser's time zone). */
export function formatSlackDate(unix: number, format: string, locale: string, now: Date = new Date()): string {
  const d = new Date(unix * 1000);
  if (Number.isNaN(d.getTime())) return '';
  const fmt = (o: Intl.DateTimeFormatOptions): string => new Intl.DateTimeFormat(locale, o).format(d);
  const dayDiff = Math.round(
    (new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime() -
      new Date(now.getFullYear(), now.getMonth(), now.getDate()).getTime()) /
      86_400_000,
  );
  const rel = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const pretty = (fallback: string): string => (Math.abs(dayDiff) <= 1 ? rel.format(dayDiff, 'day') : fallback);
  const values: Record<string, () => string> = {
    date_num: () => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`,
    date: () => fmt({ year: 'numeric', month: 'long', day: 'numeric' }),
    date_short: () => fmt({ year: 'numeric', month: 'short', day: 'numeric' }),
    date_long: () => fmt({ weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' }),
    date_pretty: () => pretty(values.date!()),
    date_short_pretty: () => pretty(values.date_short!()),
    date_long_pretty: () => pretty(values.date_long!()),
    time: () => fmt({ hour: 'numeric', minute: '2-digit' }),
    time_secs: () => fmt({ hour: 'numeric', minute: '2-digit', second: '2-digit' }),
    day_divider_pretty: () => pretty(values.date_long!()),
    ago: () => {
      const secs = Math.round((d.getTime() - now.getTime()) / 1000);
      const abs = Math.abs(secs);
      if (abs < 60) return rel.format(secs, 'second');
      if (abs < 3600) return rel.format(Math.round(secs / 60), 'minute');
      if (abs < 86400) return rel.format(Math.round(secs / 3600), 'hour');
      return rel.format(Math.round(secs / 86400), 'day');
    },
  };
  return format.replace(/\{(\w+)\}/g, (m, key: string) => values[key]?.() ?? m);
}

/** Only these schemes become links; anything else is shown as its text. */
export function safeUrl(url: string): string | null {
  return /^(https?:|mailto:|tel:|\/)/i.test(url) ? url : null;
}
