// The words of the two disk wizards (Add Direct LUN disk, Attach to VM), the largest catalogs: loaded with those
// pages' lazy chunks (features/add-disk/AddDiskPage.tsx, features/attach-disk/AttachDiskPage.tsx), not with the
// console, so the Disks list's first load stays within budget (decision 045).
import attach from './messages/en/attach.json';
import lunDisk from './messages/en/lun-disk.json';
import { loadMessages } from './i18n';

loadMessages(attach, lunDisk);
