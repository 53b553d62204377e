/** The generated outputs of a 主动公开 item shown as pages: the group message, the 公众号 article, the secrecy sheet. Pure. */
import { beijingDate } from '../../../beijing-time.ts';
import { ATTRIBUTE_LABELS, STEP_LABELS, WITHHOLD_GROUNDS } from '../../../publications/publication.ts';
import type { ChainState } from '../../../publications/publication.ts';
import type { Publication } from '../../../publications/publications.queries.ts';
import type { SecrecyHit } from '../../../publications/secrecy-scan.ts';

/** 微信群消息: the text to copy into the villages' work groups. */
export function GroupMessagePage({ id, text }: { id: number; text: string }) {
  return (
    <>
      <h1>微信群消息</h1>
      <p>
        <label for="group-message">长按或全选复制，发到各村工作微信群：</label>
      </p>
      <textarea id="group-message" rows={8} readOnly style="width:100%">
        {text}
      </textarea>
      <p>
        <a href={`/office/publications/${id}`}>返回</a>
      </p>
    </>
  );
}

/** 公众号文章: the article as rich text to copy, and its HTML source. */
export function WechatArticlePage({ id, article }: { id: number; article: string }) {
  return (
    <>
      <h1>公众号文章</h1>
      <p>
        在下方预览区全选（Ctrl+A 后 Ctrl+C）复制，粘贴到微信公众号编辑器，格式和图片会保留。也可复制下方 HTML
        源码。
      </p>
      <p>
        {/* Shown by app.js (progressive enhancement): copies the article only, as rich text. */}
        <button type="button" class="primary" data-copy="wechat-article" hidden>
          复制正文
        </button>{' '}
        <span role="status" data-copy-status="wechat-article" />
      </p>
      <div id="wechat-article" class="card" dangerouslySetInnerHTML={{ __html: article }} />
      <details>
        <summary>HTML 源码</summary>
        <textarea rows={10} readOnly style="width:100%" aria-label="公众号文章 HTML 源码">
          {article}
        </textarea>
      </details>
      <p>
        <a href={`/office/publications/${id}`}>返回</a>
      </p>
    </>
  );
}

/** 保密审查单 (printable), from the signatures of the review chain. */
export function SecrecySheet(props: {
  agencyName: string;
  p: Publication;
  chain: ChainState;
  hits: SecrecyHit[];
}) {
  const { p, chain, hits } = props;
  return (
    <article class="print-sheet">
      <h1 style="text-align:center">{props.agencyName}政府信息公开保密审查单</h1>
      <table class="data">
        <tbody>
          <tr>
            <th scope="row">信息标题</th>
            <td>{p.title}</td>
          </tr>
          <tr>
            <th scope="row">文号</th>
            <td>{p.docNo ?? ''}</td>
          </tr>
          <tr>
            <th scope="row">承办人</th>
            <td>{p.createdByName}</td>
          </tr>
          <tr>
            <th scope="row">属性认定</th>
            <td>
              {ATTRIBUTE_LABELS[p.attribute]}
              {p.withholdGrounds.length
                ? `（${p.withholdGrounds.map((g) => WITHHOLD_GROUNDS[g].article).join('、')}）`
                : ''}
            </td>
          </tr>
          <tr>
            <th scope="row">自动扫描结果</th>
            <td>
              {hits.length === 0
                ? '未发现敏感内容'
                : hits.map((h) => (
                    <div>
                      {h.label}：{h.masked ?? h.match}
                    </div>
                  ))}
            </td>
          </tr>
          <tr>
            <th scope="row">审查意见</th>
            <td>
              {p.secrecy
                ? `经审查，不涉及国家秘密、商业秘密和个人隐私，同意公开。${p.secrecy.note ?? ''}`
                : '尚未签署'}
            </td>
          </tr>
          <tr>
            <th scope="row">审查人签字</th>
            <td>{p.secrecy ? `${p.secrecy.signedName}\u3000${beijingDate(p.secrecy.signedAt)}` : ''}</td>
          </tr>
          {chain.steps.map((s) => (
            <tr>
              <th scope="row">{STEP_LABELS[s.step]}</th>
              <td>{s.signedBy ? `${s.signedBy}\u3000${beijingDate(s.signedAt)}` : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="muted">“先审查、后公开、谁审查、谁负责”。本单由系统根据签批记录生成。</p>
    </article>
  );
}
