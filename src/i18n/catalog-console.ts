// Every other catalog, loaded with the console after login (app/ConsoleRouter.tsx imports this module, so its words
// travel in that lazy chunk, not in the login page's first load). The disk wizards' words come with their pages
// (catalog-disk-wizards.ts).
import app from './messages/en/app.json';
import common from './messages/en/common.json';
import disk from './messages/en/disk.json';
import domain from './messages/en/domain.json';
import host from './messages/en/host.json';
import lists from './messages/en/lists.json';
import vm from './messages/en/vm.json';
import { loadMessages } from './i18n';

loadMessages(app, common, disk, domain, host, lists, vm);
