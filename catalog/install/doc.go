// Package install keeps the catalogue of a kiosk's data folder: it checks
// and installs signed bundles (from a file, a USB stick or the network),
// goes back to the previous catalogue on request, says which catalogue is
// current, and, while none is installed, compiles the built-in sample on
// first use.
//
// # The data folder
//
//	DIR/catalogs/<id>-<version>.sqlite   one immutable file per installed version
//	DIR/catalogs/state.json              which is current and previous, the time floor, the last attempt
//	DIR/catalogs/.lock                   held during an install or a rollback
//	DIR/staging/                         bundles and payloads being checked; emptied by every install
//	DIR/sync/state.json, download.partial  the network sync: ETags, back-off, a download to resume
//	DIR/cache/sample-<hash>.sqlite       the compiled sample
//
// A catalogue file is never changed after it is placed and never replaced
// under the same name: the kiosk opens it read-only and immutable, and a
// new version gets a new name. The state file is the one switch: it is
// replaced by writing a temporary file, flushing it, renaming it over the
// old one and flushing the folder. A crash at any moment therefore leaves
// either the old or the new state, and both name files that are complete.
// (Renaming a new SQLite file over an open one is unsafe in WAL mode; this
// design never does it.)
//
// # The check (shared/notes/sync-threats.md)
//
// Every install, whatever the bundle's origin, runs the same steps:
//  1. copy the bundle into DIR/staging: regular files only, no symbolic
//     links, at most Store.MaxBundle bytes, nothing written to the source;
//  2. take the time once;
//  3. and 4. bundle.Open: the signature against the trusted keys, then the
//     manifest, strictly;
//  5. policy: the trusted catalogue id, the format, a version greater than
//     the installed one (the same version is nothing to do), and
//     max(now, time floor) < expires, where the time floor is the latest
//     issue time ever accepted;
//  6. the payload streamed through SHA-256 into the staging folder;
//  7. the staged SQLite file opened read-only with trusted_schema=OFF and
//     cell_size_check=ON: integrity_check ok, application id and schema
//     version, and the catalogue's own id and version equal the manifest's;
//  8. the file placed as DIR/catalogs/<id>-<version>.sqlite, then the state
//     switched; the catalogue it replaces stays as the previous one for a
//     rollback, older ones are removed.
//
// Refusals are errors whose text is written for staff; test them with
// errors.Is against the Err values here and in package bundle.
//
// # For the kiosk
//
// The kiosk calls Store.Current when a visitor session starts and reopens
// the catalogue when the path has changed; Store.SyncLoop runs the network
// sync in the background; Store.FindBundles and Store.InstallNewest serve
// the staff screen's USB import.
package install
