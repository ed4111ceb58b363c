// Mustache templates of the notice email. Kept as constants so nothing is read from disk at
// run time. The HTML one relies on Mustache's default escaping ({{x}}): every value is data
// from the register (debtor names, invoice numbers…) and must never become markup. The text
// one is rendered without escaping; its table lines come aligned from notice-email.ts.

/** Plain-text part. Standalone section tags ({{#x}} alone on a line) leave no blank line. */
export const NOTICE_TEXT = `{{greeting}}

{{#intro}}
{{.}}
{{/intro}}

{{#table}}
{{.}}
{{/table}}
{{#hasInstructions}}

{{instructionsTitle}}:
{{#instructions}}
{{.}}
{{/instructions}}
{{/hasInstructions}}

{{alreadyPaid}}

{{closing}}
{{collectorName}}
{{collectorEmail}}
{{companyName}}
`;

const cell = 'padding:6px 10px;border-bottom:1px solid #dddddd;';
const right = 'text-align:right;white-space:nowrap;';

/** HTML part: one table, inline styles only, no images, fonts or links to fetch. */
export const NOTICE_HTML = `<!DOCTYPE html>
<html lang="{{lang}}">
<head>
<meta charset="utf-8">
<title>{{subject}}</title>
</head>
<body style="margin:0;padding:16px;font-family:Arial,Helvetica,sans-serif;font-size:14px;line-height:1.45;color:#222222;">
<p style="margin:0 0 12px 0;">{{greeting}}</p>
<p style="margin:0 0 16px 0;">{{introText}}</p>
<table role="presentation" cellspacing="0" cellpadding="0" style="border-collapse:collapse;font-size:13px;margin:0 0 16px 0;">
<thead>
<tr style="background:#f2f2f2;">
{{#headings}}
<th style="${cell}font-weight:bold;{{#right}}${right}{{/right}}{{^right}}text-align:left;{{/right}}">{{text}}</th>
{{/headings}}
</tr>
</thead>
<tbody>
{{#rows}}
<tr>
<td style="${cell}">{{number}}</td>
<td style="${cell}white-space:nowrap;">{{issueDate}}</td>
<td style="${cell}white-space:nowrap;">{{dueDate}}</td>
<td style="${cell}${right}">{{amount}}</td>
<td style="${cell}${right}">{{open}}</td>
<td style="${cell}${right}{{#overdue}}color:#b00020;{{/overdue}}">{{daysOverdue}}</td>
</tr>
{{/rows}}
</tbody>
<tfoot>
<tr>
<td colspan="4" style="${cell}font-weight:bold;">{{totalLabel}}</td>
<td style="${cell}${right}font-weight:bold;">{{total}}</td>
<td style="${cell}"></td>
</tr>
</tfoot>
</table>
{{#hasInstructions}}
<p style="margin:0 0 4px 0;font-weight:bold;">{{instructionsTitle}}</p>
<p style="margin:0 0 16px 0;white-space:pre-line;">{{instructionsText}}</p>
{{/hasInstructions}}
<p style="margin:0 0 16px 0;">{{alreadyPaid}}</p>
<p style="margin:0;">{{closing}}<br>
{{collectorName}}<br>
<a href="mailto:{{collectorEmail}}" style="color:#1a5fb4;">{{collectorEmail}}</a><br>
{{companyName}}</p>
</body>
</html>
`;
