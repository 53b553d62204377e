/** A page type: a URL path with ids, years and query values replaced, so crawls visit a few pages of each. */
export function shapeOf(path: string): string {
  return path
    .replace(/\?.*$/, (q) => q.replace(/=[^&]*/g, '='))
    .replace(/\/\d+(?=\/|$|\?)/g, '/:id')
    .replace(/\/\d{4}(?=\/|$)/g, '/:year');
}
