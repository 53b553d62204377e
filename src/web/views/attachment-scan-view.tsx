/** The attachments part of the 保密审查 scan on an item's office page: what was read, what was found, what was not. */
import type { PublicationScan } from '../../publications/publication-scan.ts';
import { isBlocking } from '../../publications/secrecy-scan.ts';

/** Up to this many hits per attachment are listed (a roster can have thousands; the count says how many). */
const SHOWN = 20;
/** The context around a hit may hold the start of the next row's number: digit runs are hidden there too. */
const blur = (s: string) => s.replace(/\d{4,}/g, (m) => '*'.repeat(m.length));

export function AttachmentScanView({ scan }: { scan: PublicationScan }) {
  if (!scan.attachments.length) return null;
  return (
    <div id="attachment-scan">
      <h3>附件扫描</h3>
      {scan.blocking.length ? (
        <p class="error-summary" role="alert" id="scan-blocking">
          <strong>不得公开：</strong>发现{scan.blocking.length}
          处身份证号、银行卡号、健康信息或密级标识，在删除或脱敏之前，本信息不能提交、签批或发布。
        </p>
      ) : null}
      <ul>
        {scan.attachments.map((a) => (
          <li data-attachment={a.fileName} data-read={a.read ? 'yes' : 'no'}>
            <strong>{a.fileName}</strong>：
            {a.read ? (
              a.hits.length ? (
                <>
                  发现 {a.hits.length} 处
                  {a.hits.some(isBlocking) ? <strong class="err">（含不得公开的内容）</strong> : null}
                  {a.truncated ? '（文件过长，只读取了前面部分，其余须人工核对）' : null}
                  <ul>
                    {a.hits.slice(0, SHOWN).map((h) => (
                      <li data-kind={h.kind}>
                        {h.label}
                        {isBlocking(h) ? (
                          <strong>（不得公开）</strong>
                        ) : h.severity === 'high' ? (
                          <strong>（须处理）</strong>
                        ) : null}
                        ：…{blur(h.before)}
                        <mark>{h.masked ?? h.match}</mark>
                        {blur(h.after)}…
                      </li>
                    ))}
                  </ul>
                  {a.hits.length > SHOWN ? (
                    <p class="muted">另有 {a.hits.length - SHOWN} 处未列出。</p>
                  ) : null}
                </>
              ) : (
                <span class="muted">
                  已读取全文，未发现需审查的内容
                  {a.truncated ? '（文件过长，只读取了前面部分，其余须人工核对）' : ''}
                </span>
              )
            ) : (
              <strong class="warn">无法自动读取：{a.problem}。须人工逐页核对。</strong>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
