import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import { AddDiskPage } from '../features/add-disk/AddDiskPage';
import { AttachDiskPage } from '../features/attach-disk/AttachDiskPage';
import { DiskPage } from '../features/disks/DiskPage';
import { DisksPage } from '../features/disks/DisksPage';
import { HostPage } from '../features/hosts/HostPage';
import { HostsPage } from '../features/hosts/HostsPage';
import { paths, ROUTE_PATTERNS } from '../ui/paths';
import { AppLayout } from './AppLayout';
import { NotFoundPage } from './NotFoundPage';
import { VmPage } from './pages/VmPage';
import { VmsListPage } from './pages/VmsListPage';
import { RouteError } from './RouteError';

export const routes: RouteObject[] = [
  {
    element: <AppLayout />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <Navigate to={paths.vms()} replace /> },
      { path: ROUTE_PATTERNS.vms, element: <VmsListPage /> },
      { path: ROUTE_PATTERNS.vm, element: <VmPage /> },
      { path: ROUTE_PATTERNS.disks, element: <DisksPage /> },
      { path: ROUTE_PATTERNS.addDisk, element: <AddDiskPage /> },
      { path: ROUTE_PATTERNS.disk, element: <DiskPage /> },
      { path: ROUTE_PATTERNS.attachDisk, element: <AttachDiskPage /> },
      { path: ROUTE_PATTERNS.hosts, element: <HostsPage /> },
      { path: ROUTE_PATTERNS.host, element: <HostPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

export function createRouter() {
  return createBrowserRouter(routes);
}
