// Package importcsv turns a spreadsheet of offers, saved as CSV, into an
// offers file of a catalogue source folder, as shared/spec/catalog-source.md
// ("Spreadsheet import") describes: `wegweiser catalog import-csv FILE.csv
// --into SRC` writes SRC/offers/imported-<file name>.toml.
//
// The work is split in two. Convert is pure: it decodes the bytes (UTF-8
// with or without byte-order mark, else Windows-1252), detects the
// separator from the header row, reads the cells, checks every row on its
// own (formats, required fields, ids, the category and district ids that
// the source folder defines) and writes the offers as TOML, remembering
// which spreadsheet row each offer came from. Import does the files: it
// reads what the rest of the source folder defines, converts, loads the
// folder with the new file through catalog/source as `catalog check` would
// (so that anything Convert missed is still reported at its row), and
// writes the file only when there is no error at all.
//
// Every problem is reported, as FILE.csv:ROW: message, where ROW counts the
// header row as 1 and a cell with line breaks inside stays one row.
package importcsv
