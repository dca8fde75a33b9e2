// Every catalog, for tests in both projects (unit in node, dom in jsdom): components and rules show English.
import './src/i18n/catalog-login';
import './src/i18n/catalog-console';
import './src/i18n/catalog-disk-wizards';
import './src/i18n/catalog-emulator';
