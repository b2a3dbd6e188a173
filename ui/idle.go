package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"wegweiser/catalog"
	"wegweiser/ui/widgets"
)

// IdleCountdown is how long the "still there?" prompt waits for a touch
// before the kiosk starts over.
const IdleCountdown = 20 * time.Second

// idlePrompt is the "still there?" prompt while it is shown.
type idlePrompt struct {
	popup    *widget.PopUp
	deadline time.Time
	count    *widgets.Paragraph
}

// CheckIdle runs once a second: after the configured idle time it asks
// whether the visitor is still there, and when nobody answers it starts
// over, so that nothing a visitor did is left for the next one.
func (k *Kiosk) CheckIdle() {
	now := k.opts.Now()
	if k.idle != nil {
		left := k.idle.deadline.Sub(now)
		if left <= 0 {
			k.Reset()
			return
		}
		k.idle.count.Text = k.s.str.N("idle_countdown", int((left+time.Second-1)/time.Second))
		k.idle.count.Refresh()
		return
	}
	if now.Sub(k.lastActivity) < k.opts.Config.IdleReset {
		return
	}
	if k.Current() == "welcome" { // a fresh session: at most a prompt (a half-typed PIN) to close
		if len(k.popups) > 0 {
			k.Reset()
		}
		return
	}
	k.showIdle(now)
}

func (k *Kiosk) showIdle(now time.Time) {
	str := k.s.str
	const width = 560
	question := k.heading(str.T("idle_question"), width, theme.SizeNameHeadingText)
	question.Center = true
	count := k.text(str.N("idle_countdown", int(IdleCountdown/time.Second)), width)
	count.Center = true
	stay := k.primaryButton(theme.ConfirmIcon(), str.T("idle_continue"), 260, nil)
	restart := k.button(theme.MediaReplayIcon(), str.T("idle_restart"), 260, k.Reset)
	content := container.NewVBox(question, count, gap(16), k.row(stay, restart))
	k.idle = &idlePrompt{deadline: now.Add(IdleCountdown), count: count}
	k.idle.popup = widget.NewModalPopUp(container.NewPadded(content), k.win.Canvas())
	k.idle.popup.Show()
	k.sayIdlePrompt()
}

func (k *Kiosk) hideIdle() {
	if k.idle != nil {
		k.idle.popup.Hide()
		k.idle = nil
		k.stopSpeech()
	}
}

// Alive is when the interface last ran its timer: a frozen interface
// stops moving it. Safe to call from any goroutine.
func (k *Kiosk) Alive() time.Time {
	if t := k.alive.Load(); t != 0 {
		return time.Unix(t, 0)
	}
	return time.Time{}
}

// ShownCatalog is the description of the catalogue on screen. Safe to
// call from any goroutine.
func (k *Kiosk) ShownCatalog() catalog.Info { return *k.shown.Load() }

// IdlePromptShown reports whether the "still there?" prompt is up.
func (k *Kiosk) IdlePromptShown() bool { return k.idle != nil }

// StartTimers warms the kiosk up (see WarmUp) a second after it starts, and
// runs the idle check and the welcome screen's greeting on the
// interface's own goroutine until stop is closed.
func (k *Kiosk) StartTimers(stop <-chan struct{}) {
	go func() {
		tick := time.NewTicker(time.Second)
		defer tick.Stop()
		n := 0
		for {
			select {
			case <-stop:
				return
			case <-tick.C:
				n++
				if n == 1 { // the first frame is drawn by now
					fyne.Do(k.WarmUp)
				}
				fyne.Do(func() {
					k.alive.Store(time.Now().Unix())
					k.CheckIdle()
				})
				if n%4 == 0 {
					fyne.Do(k.NextGreeting)
				}
			}
		}
	}()
}
