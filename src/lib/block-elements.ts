/**
 * Elements that separate blocks of text: where one starts or ends, a space
 * goes in the plain text. Shared by the ingest (the text it summarises and
 * indexes) and the reader (the text search marks and checks), so both read
 * `<p>开源</p><p>软件</p>` as two runs.
 */
export const BLOCK_ELEMENTS: readonly string[] =
  `address article aside blockquote
  br dd details dialog div dl dt fieldset figcaption figure footer form h1 h2
  h3 h4 h5 h6 header hr li main nav ol p pre section table tbody td tfoot th
  thead tr ul`.split(/\s+/)
