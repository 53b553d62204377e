/**
 * Aggregate figures and content digests of a loaded county, to show that a change to the loader keeps the data
 * identical (same rows, same proportions): compare the output of two loads at the same scale on the same day.
 */
import type pg from 'pg';

export async function fingerprint(client: pg.ClientBase): Promise<Record<string, string>> {
  const one = async (q: string) => {
    const r = await client.query<Record<string, unknown>>(q);
    return JSON.stringify(r.rows.length === 1 ? r.rows[0] : r.rows);
  };
  return {
    'publications by status': await one(
      `select status, count(*) as n from publications group by 1 order by 1`,
    ),
    'publications, published late (> due_on)': await one(
      `select count(*) as n from publications where published_on > due_on`,
    ),
    'publications by year of written_on': await one(
      `select substr(written_on, 1, 4) as y, count(*) as n from publications group by 1 order by 1`,
    ),
    'publications digest': await one(
      `select md5(string_agg(concat_ws('|', id, agency_id, category_id, status, title, doc_no, written_on,
         published_on, body_text, due_on), E'\\n' order by id)) as md5 from publications`,
    ),
    'search documents digest': await one(
      `select count(*) as n, md5(string_agg(concat_ws('|', ref_id, agency_id, title, body, year, dated_on, tokens,
         tsv::text), E'\\n' order by ref_id)) as md5 from search_documents`,
    ),
    'requests by status and outcome': await one(
      `select status, coalesce(outcome, '-') as outcome, count(*) as n from info_requests group by 1, 2 order by 1, 2`,
    ),
    'requests digest': await one(
      `select md5(string_agg(concat_ws('|', agency_id, reference, status, channel, received_on, applicant_kind,
         outcome, report_row, closed_on, due_on), E'\\n' order by agency_id, ref_year, ref_serial)) as md5
       from info_requests`,
    ),
    'village items digest': await one(
      `select count(*) as n, md5(string_agg(concat_ws('|', village_id, template_id, code, period, status,
         published_on), E'\\n' order by village_id, template_id, period, published_on)) as md5 from village_disclosures`,
    ),
    'request month stats digest': await one(
      `select count(*) as n, md5(string_agg(t::text, E'\\n' order by t::text)) as md5 from request_month_stats t`,
    ),
  };
}
