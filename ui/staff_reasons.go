package ui

import (
	"errors"
	"fmt"
	"strings"
	"syscall"

	"wegweiser/catalog/bundle"
	"wegweiser/catalog/install"
)

// staffReasons say in German, for the staff screen, why an install, a
// rollback or a sync did not happen and what to do: the most specific
// first. The technical detail (in English, as in the log and on the
// command line) follows in brackets.
var staffReasons = []struct {
	err    error
	reason string
}{
	{install.ErrNoTrustedCatalog, "Dieser Kiosk weiß noch nicht, welchen Katalog er annehmen soll. Die Koordination richtet das ein (wegweiser admin trust-key … --catalog …)."},
	{bundle.ErrNoTrustedKeys, "Auf diesem Kiosk ist kein vertrauenswürdiger Schlüssel eingerichtet (wegweiser admin trust-key …)."},
	{bundle.ErrBadSignature, "Die Datei ist nicht von Ihrer Koordination signiert oder wurde verändert. Bitte nur Kataloge der Koordination installieren."},
	{bundle.ErrPayloadMismatch, "Die Datei ist beschädigt oder wurde verändert. Bitte die Datei neu auf den Stick kopieren."},
	{bundle.ErrTruncated, "Die Datei ist unvollständig, wohl beim Kopieren abgebrochen. Bitte die Datei neu auf den Stick kopieren."},
	{bundle.ErrNotBundle, "Diese Datei ist kein Wegweiser-Katalog."},
	{bundle.ErrManifestTooLarge, "Diese Datei ist kein Wegweiser-Katalog oder beschädigt."},
	{bundle.ErrBadManifest, "Die Beschreibung in der Datei ist ungültig. Bitte bei der Koordination melden."},
	{bundle.ErrUnsupportedFormat, "Dieser Katalog braucht eine neuere Version des Wegweisers."},
	{install.ErrOtherCatalog, "Diese Datei gehört zu einem anderen Katalog als dem dieses Kiosks."},
	{install.ErrOlder, "Dieser Katalog ist älter als der installierte."},
	{install.ErrWithdrawn, "Zu dieser Version wurde zurückgekehrt; die automatische Aktualisierung wartet auf eine neuere."},
	{install.ErrExpired, "Dieser Katalog ist abgelaufen. Bitte bei der Koordination einen aktuellen anfordern."},
	{install.ErrIssuedInFuture, "Dieser Katalog wurde auf einem Rechner mit vorgehender Uhr erstellt (Ausstellungsdatum in der Zukunft). Bitte die Koordination, die Uhr zu stellen und ihn neu zu erstellen; oder die Uhr dieses Kiosks prüfen."},
	{install.ErrTooLarge, "Die Datei ist zu groß für einen Katalog."},
	{install.ErrNotFile, "Diese Datei darf nicht gelesen werden (keine gewöhnliche Datei)."},
	{install.ErrNotCatalog, "Die Datei ist richtig signiert, enthält aber keinen brauchbaren Katalog. Bitte bei der Koordination melden."},
	{install.ErrRead, "Die Datei konnte nicht zu Ende gelesen werden. Wurde der USB-Stick abgezogen? Bitte noch einmal versuchen."},
	{syscall.ENOSPC, "Der Speicher dieses Kiosks ist voll."},
	{install.ErrDisk, "Der Katalog konnte auf diesem Kiosk nicht gespeichert werden."},
	{install.ErrNoPrevious, "Es gibt keinen früheren Katalog, zu dem zurückgekehrt werden kann."},
	{install.ErrDamaged, "Die Angaben zum installierten Katalog sind beschädigt; der Kiosk zeigt den Beispielkatalog. „Katalog-Angaben reparieren“ stellt sie wieder her."},
	{install.ErrRedirect, "Der Server hat auf eine andere Adresse umgeleitet; der Kiosk folgt dem nicht. Bitte die Adresse in kiosk.toml prüfen."},
	{install.ErrCouldNotUpdate, "Der Katalog konnte nicht aus dem Netz geholt werden. Der Kiosk versucht es später wieder."},
}

// staffReason is why an action of the staff screen failed, in German,
// with the detail that the error adds to its reason.
func staffReason(err error) string {
	for _, r := range staffReasons {
		if !errors.Is(err, r.err) {
			continue
		}
		detail := err.Error()
		if rest, ok := strings.CutPrefix(detail, r.err.Error()); ok {
			detail = strings.TrimLeft(rest, ": ")
		}
		if detail == "" {
			return r.reason
		}
		return fmt.Sprintf("%s (%s)", r.reason, detail)
	}
	return fmt.Sprintf("Das ging nicht: %v", err)
}
