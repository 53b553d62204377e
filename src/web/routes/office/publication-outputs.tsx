/** What the office reads or prints of a 主动公开 item: attachments, channel outputs, the secrecy sheet; the office search. */
import type { App, C } from '../../app-env.ts';
import { canonicalBaseOf } from '../../portal-scope.ts';
import { currentUser, officePage } from '../../office-page.tsx';
import { NotFoundError } from '../../../errors.ts';
import { getAgency } from '../../../org/org.queries.ts';
import {
  listAttachments,
  publicationPolicy,
  scanText,
  type Publication,
} from '../../../publications/index.ts';
import { loadPublication } from '../../../publications/publication-context.ts';
import {
  groupMessageText,
  noticeBoardPdf,
  wechatArticleHtml,
} from '../../../publications/channel-outputs.ts';
import { readAll } from '../../../storage/index.ts';
import { searchDocuments } from '../../../search/search-index.ts';
import { contentDisposition } from '../../../text/file-name.ts';
import { filesOf, openStored, sendStored } from '../../stored-file.ts';
import { OfficeSearch } from '../../views/publications/office-list.tsx';
import {
  GroupMessagePage,
  SecrecySheet,
  WechatArticlePage,
} from '../../views/publications/office-outputs.tsx';

async function channelContext(c: C, p: Publication, withImages = false) {
  const agency = await getAgency(c.get('deps').db, p.agencyId);
  const origin = c.get('deps').config.publicUrl;
  const images: { dataUri: string; alt: string }[] = [];
  if (withImages) {
    for (const a of await listAttachments(c.get('deps').db, p.id)) {
      if (!a.mime.startsWith('image/') || a.size > 2 * 1024 * 1024) continue;
      const bytes = await readAll(filesOf(c), c.get('deps').db, a.storageKey).catch(() => null);
      if (bytes)
        images.push({ dataUri: `data:${a.mime};base64,${bytes.toString('base64')}`, alt: a.fileName });
    }
  }
  // The item's canonical address: under its agency's column in a county installation (`/p/<id>` at the root is the
  // home agency's column there).
  const base = (await canonicalBaseOf(c, p.agencyId)) ?? '';
  return { agencyName: agency.name, url: `${origin}${base}/p/${p.id}`, origin, images };
}

export function publicationOutputRoutes(app: App): void {
  app.get('/office/publications/:id{[0-9]+}/files/:att{[0-9]+}', async (c) => {
    const { item } = await loadPublication(c.get('ctx'), Number(c.req.param('id')));
    const a = (await listAttachments(c.get('deps').db, item.id)).find(
      (x) => x.id === Number(c.req.param('att')),
    );
    if (!a) throw new NotFoundError();
    const file = await openStored(c, a.storageKey);
    if (!file) throw new NotFoundError();
    return sendStored(c, file, {
      'Content-Type': a.mime,
      'Content-Disposition': contentDisposition(a.fileName),
      'Cache-Control': 'no-store',
    });
  });

  app.get('/office/publications/:id{[0-9]+}/channels/:channel', async (c) => {
    const { item: p, scope } = await loadPublication(c.get('ctx'), Number(c.req.param('id')));
    if (!publicationPolicy.useChannel(c.get('ctx').actor, scope, p)) throw new NotFoundError();
    const ch = c.req.param('channel');
    if (ch === 'notice_board') {
      const pdf = await noticeBoardPdf(p, await channelContext(c, p));
      return c.body(new Uint8Array(pdf), 200, {
        'Content-Type': 'application/pdf',
        'Content-Disposition': contentDisposition(`公开栏-${p.title}.pdf`, 'inline'),
      });
    }
    if (ch === 'wechat_group') {
      const text = groupMessageText(p, await channelContext(c, p));
      return officePage(c, '微信群消息', <GroupMessagePage id={p.id} text={text} />);
    }
    if (ch === 'wechat_account') {
      const article = wechatArticleHtml(p, await channelContext(c, p, true));
      return officePage(c, '公众号文章', <WechatArticlePage id={p.id} article={article} />);
    }
    throw new NotFoundError();
  });

  app.get('/office/publications/:id{[0-9]+}/secrecy-sheet', async (c) => {
    const { item: p, chain } = await loadPublication(c.get('ctx'), Number(c.req.param('id')));
    const agency = await getAgency(c.get('deps').db, p.agencyId);
    const hits = p.secrecy?.hits ?? scanText(`${p.title}\n${p.bodyText}`);
    return officePage(
      c,
      '保密审查单',
      <SecrecySheet agencyName={agency.name} p={p} chain={chain} hits={hits} />,
    );
  });

  app.get('/office/search', async (c) => {
    const user = currentUser(c);
    const q = (c.req.query('q') ?? '').slice(0, 100);
    const r = q.trim()
      ? await searchDocuments(c.get('deps').db, {
          q,
          agencyIds: [user.agencyId],
          publicOnly: false,
          limit: 50,
        })
      : null;
    return officePage(c, '站内搜索', <OfficeSearch q={q} r={r} />);
  });
}
