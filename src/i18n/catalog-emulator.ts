// The emulated engine's own panel and indicator (emulated mode only; a real-engine build carries none of it).
import emulator from './messages/en/emulator.json';
import { loadMessages } from './i18n';

loadMessages(emulator);
