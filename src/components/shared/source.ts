import type { SourceReview } from '../../model/course.ts';

/**
 * A module's review as the course cites it wherever it names it (module start, reflection,
 * reflective log): "<name>, <board>, published May 2017", without the date where the source gives
 * none.
 */
export function citeSource(source: SourceReview): string {
  return [
    source.name,
    source.board,
    ...(source.published ? [`published ${source.published}`] : []),
  ].join(', ');
}
