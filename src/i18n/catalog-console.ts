// Every other catalog, loaded with the console after login (app/ConsoleRouter.tsx imports this module, so its words
// travel in that lazy chunk, not in the login page's first load).
import app from './messages/en/app.json';
import attach from './messages/en/attach.json';
import common from './messages/en/common.json';
import disk from './messages/en/disk.json';
import domain from './messages/en/domain.json';
import host from './messages/en/host.json';
import lists from './messages/en/lists.json';
import lunDisk from './messages/en/lun-disk.json';
import vm from './messages/en/vm.json';
import { loadMessages } from './i18n';

loadMessages(app, attach, common, disk, domain, host, lists, lunDisk, vm);
