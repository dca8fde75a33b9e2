// The words the login page needs, loaded with the entry (its first load is budgeted, decision 045): the login form,
// the boot, the engine's failures as the console words them (engine-api/errors.ts), and PatternFly's own words
// (an Alert's "Danger alert:", Close: src/i18n/patternfly.ts), which every page needs.
import login from './messages/en/login.json';
import patternfly from './messages/en/patternfly.json';
import { loadMessages } from './i18n';

loadMessages(login, patternfly);
