export interface MailContent {
  subject: string;
  html: string;
  text: string;
}

export interface MailLayoutInput {
  subject: string;
  greeting?: string;
  paragraphs: string[];
  action?: { label: string; url: string };
  footer?: string;
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** One layout for every e-mail of Raccord: HTML and plain text from the same content. */
export function renderMail(input: MailLayoutInput): MailContent {
  const footer = input.footer ?? 'Raccord — contrats de partage de données patrimoniales.';
  const paras = input.paragraphs.map((p) => `<p style="margin:0 0 12px">${escapeHtml(p)}</p>`).join('');
  const button = input.action
    ? `<p style="margin:20px 0"><a href="${escapeHtml(input.action.url)}" style="background:#1f5faa;color:#fff;padding:10px 18px;border-radius:6px;text-decoration:none;display:inline-block">${escapeHtml(input.action.label)}</a></p><p style="font-size:12px;color:#666">Si le bouton ne fonctionne pas, copiez ce lien : ${escapeHtml(input.action.url)}</p>`
    : '';
  const html = `<!doctype html><html lang="fr"><body style="font-family:Arial,sans-serif;color:#1d2433;background:#f5f7fa;padding:24px"><div style="max-width:560px;margin:auto;background:#fff;border-radius:8px;padding:24px"><div style="font-weight:bold;color:#1f5faa;font-size:18px;margin-bottom:16px">Raccord</div>${input.greeting ? `<p>${escapeHtml(input.greeting)}</p>` : ''}${paras}${button}<hr style="border:none;border-top:1px solid #e5e8ee;margin:20px 0"><p style="font-size:12px;color:#666">${escapeHtml(footer)}</p></div></body></html>`;
  const text = [
    input.greeting,
    ...input.paragraphs,
    input.action ? `${input.action.label} : ${input.action.url}` : undefined,
    '--',
    footer,
  ]
    .filter((l): l is string => Boolean(l))
    .join('\n\n');
  return { subject: input.subject, html, text };
}
