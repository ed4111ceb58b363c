// The emails the notices job sent through the local SMTP.
import type { LocalMail } from '../protocol.js';
import type { Strings } from './strings.js';

export interface MailProps {
  s: Strings;
  intl: string;
  mails: LocalMail[];
  selected: string | null;
  onSelect: (id: string) => void;
}

export function MailPane(p: MailProps) {
  const time = (iso: string): string =>
    new Intl.DateTimeFormat(p.intl, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
  const mails = [...p.mails].sort((a, b) => b.at.localeCompare(a.at));
  const mail = mails.find((m) => m.id === p.selected) ?? null;
  return (
    <section class="pane mail-pane" aria-label={p.s.mail}>
      <header class="pane-head">
        <h2>{p.s.mail}</h2>
      </header>
      <div class="mail-split">
        <ul class="mail-list" aria-label={p.s.mail}>
          {mails.length === 0 ? <li class="empty">{p.s.noMail}</li> : null}
          {mails.map((m) => (
            <li key={m.id}>
              <button
                type="button"
                class={`mail-item${m.id === p.selected ? ' current' : ''}`}
                aria-current={m.id === p.selected ? 'true' : undefined}
                onClick={() => p.onSelect(m.id)}
              >
                <span class="mail-subject">{m.subject}</span>
                <span class="mail-to">{m.to}</span>
                <time class="mail-time" dateTime={m.at}>
                  {time(m.at)}
                </time>
              </button>
            </li>
          ))}
        </ul>
        <div class="mail-view">
          {mail ? (
            <article aria-label={mail.subject}>
              <h3 class="mail-title">{mail.subject}</h3>
              <dl class="mail-meta">
                <dt>{p.s.from}</dt>
                <dd>{mail.from}</dd>
                <dt>{p.s.to}</dt>
                <dd>{mail.to}</dd>
                {mail.replyTo ? (
                  <>
                    <dt>{p.s.replyTo}</dt>
                    <dd>{mail.replyTo}</dd>
                  </>
                ) : null}
                <dt>{p.s.subject}</dt>
                <dd>{mail.subject}</dd>
                <dt />
                <dd>
                  <time dateTime={mail.at}>{time(mail.at)}</time>
                </dd>
              </dl>
              {mail.html ? (
                <iframe class="mail-body" sandbox="" srcdoc={mail.html} title={mail.subject} />
              ) : (
                <pre class="mail-text">{mail.text}</pre>
              )}
              {mail.attachments.length > 0 ? (
                <div class="mail-attachments">
                  <h4>{p.s.attachments}</h4>
                  <ul>
                    {mail.attachments.map((a) => (
                      <li key={a.url}>
                        <a href={a.url} download={a.filename} type={a.contentType}>
                          {a.filename}
                        </a>
                      </li>
                    ))}
                  </ul>
                </div>
              ) : null}
            </article>
          ) : (
            <p class="empty">{p.s.chooseMail}</p>
          )}
        </div>
      </div>
    </section>
  );
}
