// How a new complaint announces itself: a short beep made with the Web Audio API (no audio
// file to download) and, when the user allowed it from a button, a browser notification.
let audio: AudioContext | null = null;

/** Browsers start audio only after a gesture: call this from a click or key press. */
export function unlockSound() {
  const Context = globalThis.AudioContext;
  if (!Context) return;
  try {
    audio ??= new Context();
    if (audio.state === 'suspended') void audio.resume();
  } catch {
    audio = null; // no sound on this device: the list and the notification still tell
  }
}

/** Two short tones, 880 Hz then 660 Hz, a quarter second in all. */
export function beep() {
  unlockSound();
  if (!audio || audio.state !== 'running') return;
  const start = audio.currentTime;
  [880, 660].forEach((frequency, index) => {
    const oscillator = audio!.createOscillator();
    const gain = audio!.createGain();
    const at = start + index * 0.13;
    oscillator.frequency.value = frequency;
    gain.gain.setValueAtTime(0.0001, at);
    gain.gain.exponentialRampToValueAtTime(0.2, at + 0.01);
    gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.12);
    oscillator.connect(gain).connect(audio!.destination);
    oscillator.start(at);
    oscillator.stop(at + 0.12);
  });
}

export type NotifyPermission = NotificationPermission | 'unsupported';

export const notifyPermission = (): NotifyPermission =>
  typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;

/** Only ever called from a button: browsers (and people) refuse prompts on page load. */
export async function askNotifyPermission(): Promise<NotifyPermission> {
  if (typeof Notification === 'undefined') return 'unsupported';
  return Notification.requestPermission();
}

export function notify(title: string, body: string, tag: string, onClick?: () => void) {
  if (notifyPermission() !== 'granted') return;
  try {
    const shown = new Notification(title, { body, tag, lang: document.documentElement.lang });
    if (onClick) {
      shown.onclick = () => {
        window.focus();
        onClick();
        shown.close();
      };
    }
  } catch {
    // Some mobile browsers allow notifications from a service worker only: the beep told.
  }
}
