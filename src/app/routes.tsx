import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import { DisksPage } from '../features/disks/DisksPage';
import { HostsPage } from '../features/hosts/HostsPage';
import { VmsPage } from '../features/vms/VmsPage';
import { AppLayout } from './AppLayout';
import { NotFoundPage } from './NotFoundPage';
import { VmPage } from './pages/VmPage';
import { RouteError } from './RouteError';

export const routes: RouteObject[] = [
  {
    element: <AppLayout />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <Navigate to="/vms" replace /> },
      { path: 'vms', element: <VmsPage /> },
      { path: 'vms/:vmId', element: <VmPage /> },
      { path: 'disks', element: <DisksPage /> },
      { path: 'hosts', element: <HostsPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

export function createRouter() {
  return createBrowserRouter(routes);
}
