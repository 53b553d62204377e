/** Page queries of 主动公开's portal pages: what one public page shows, public items only. */
import type { DbOrTrx } from '../db/database.ts';
import {
  findPublicPublication,
  listAttachments,
  listCategories,
  listPublicInterpretations,
} from './publications.queries.ts';

/**
 * A public item's page: the item, its attachments, its column, the 政策解读 of it, the file it interprets and the
 * file that repealed it (each only when public). Undefined when the item is not public in this agency.
 */
export async function publicPublicationPage(db: DbOrTrx, agencyId: number, id: number) {
  const p = await findPublicPublication(db, agencyId, id);
  if (!p) return undefined;
  const [atts, cats, interpretations] = await Promise.all([
    listAttachments(db, p.id),
    listCategories(db, agencyId),
    listPublicInterpretations(db, p.id),
  ]);
  const interprets = p.interpretsId ? await findPublicPublication(db, agencyId, p.interpretsId) : undefined;
  const repealedBy = p.repealedById ? await findPublicPublication(db, agencyId, p.repealedById) : undefined;
  return {
    p,
    atts,
    category: cats.find((x) => x.id === p.categoryId),
    interpretations,
    interprets,
    repealedBy,
  };
}
export type PublicPublicationPage = NonNullable<Awaited<ReturnType<typeof publicPublicationPage>>>;
