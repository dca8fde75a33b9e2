import {
  Divider, Drawer, DrawerContent, DrawerContentBody, DrawerHead, DrawerPanelContent, Dropdown, DropdownGroup, DropdownItem, DropdownList,
  Masthead, MastheadBrand, MastheadContent, MastheadMain, MastheadToggle, MenuToggle, Nav, NavItem, NavList, Page,
  PageSidebar, PageSidebarBody, PageToggleButton, SkipToContent, Toolbar, ToolbarContent, ToolbarGroup, ToolbarItem,
} from '@patternfly/react-core';
import { useQueryClient } from '@tanstack/react-query';
import { useState, useSyncExternalStore } from 'react';
import { NavLink, Outlet, useLocation } from 'react-router';
import { session } from '../engine-api/session';
import { logout } from '../engine-api/sso';
import { AboutEngineMenuItem, AboutEngineModal } from '../features/engine-version/AboutEngine';
import { OperationsFollower } from '../features/vm-lifecycle/OperationsFollower';
import { EmulatorIndicator } from './EmulatorIndicator';
import { useEmulatedMode } from '../ui/engine-mode';
import { paths } from '../ui/paths';
import { setTheme, useTheme, type ThemeChoice } from '../ui/theme';
import { t, type MessageId } from '../i18n/i18n';

const NAV: ReadonlyArray<{ to: string; label: MessageId }> = [
  { to: paths.vms(), label: 'app.nav.vms' },
  { to: paths.disks(), label: 'app.nav.disks' },
  { to: paths.hosts(), label: 'app.nav.hosts' },
];

function ThemeChoices({ onDone }: { onDone: () => void }) {
  const { choice, dark } = useTheme();
  const items: Array<{ value: ThemeChoice; label: MessageId }> = [
    { value: 'system', label: 'app.theme.system' },
    { value: 'light', label: 'app.theme.light' },
    { value: 'dark', label: 'app.theme.dark' },
  ];
  const inUse = choice === 'system' ? (dark ? t('app.theme.inUseDarkNow') : t('app.theme.inUseLightNow')) : t('app.theme.inUse');
  return (
    <DropdownGroup label={t('app.theme.label')} labelHeadingLevel="h2">
      <DropdownList>
        {items.map((i) => (
          <DropdownItem
            key={i.value}
            isSelected={choice === i.value}
            description={choice === i.value ? inUse : undefined}
            onClick={() => {
              setTheme(i.value);
              onDone();
            }}
          >
            {t(i.label)}
          </DropdownItem>
        ))}
      </DropdownList>
    </DropdownGroup>
  );
}

function UserMenu() {
  const [open, setOpen] = useState(false);
  const [about, setAbout] = useState(false);
  const s = useSyncExternalStore(session.subscribe, session.get);
  const queryClient = useQueryClient();
  const user = s.status === 'anonymous' ? '' : s.user;
  return (
    <>
      <Dropdown
        isOpen={open}
        onOpenChange={setOpen}
        popperProps={{ position: 'right' }}
        toggle={(ref) => (
          <MenuToggle ref={ref} onClick={() => setOpen((o) => !o)} isExpanded={open} variant="plainText" aria-label={t('app.userMenu.label', { user })}>
            <span translate="no">{user}</span>
          </MenuToggle>
        )}
      >
        <DropdownList>
          <AboutEngineMenuItem
            onSelect={() => {
              setOpen(false);
              setAbout(true);
            }}
          />
          <DropdownItem
            onClick={() => {
              setOpen(false);
              queryClient.clear();
              void logout();
            }}
          >
            {t('app.userMenu.logOut')}
          </DropdownItem>
        </DropdownList>
        <Divider />
        <ThemeChoices onDone={() => setOpen(false)} />
      </Dropdown>
      <AboutEngineModal isOpen={about} onClose={() => setAbout(false)} />
    </>
  );
}

export function AppLayout() {
  const emulated = useEmulatedMode();
  const { pathname } = useLocation();
  const [panelOpen, setPanelOpen] = useState(false);
  const Panel = emulated?.Panel;

  const masthead = (
    <Masthead>
      <MastheadMain>
        <MastheadToggle>
          <PageToggleButton isHamburgerButton aria-label={t('app.mainNavigation')} />
        </MastheadToggle>
        <MastheadBrand>
          <span style={{ fontWeight: 600, fontSize: '1.125rem' }}>{t('app.productName')}</span>
        </MastheadBrand>
      </MastheadMain>
      <MastheadContent>
        <Toolbar isFullHeight isStatic>
          <ToolbarContent>
            <ToolbarGroup align={{ default: 'alignEnd' }} gap={{ default: 'gapMd' }}>
              {emulated ? (
                <ToolbarItem>
                  <EmulatorIndicator mode={emulated} onOpenPanel={Panel ? () => setPanelOpen(true) : undefined} />
                </ToolbarItem>
              ) : null}
              <ToolbarItem>
                <UserMenu />
              </ToolbarItem>
            </ToolbarGroup>
          </ToolbarContent>
        </Toolbar>
      </MastheadContent>
    </Masthead>
  );

  const sidebar = (
    <PageSidebar>
      <PageSidebarBody>
        <Nav aria-label={t('app.nav.label')}>
          <NavList>
            {NAV.map((n) => {
              const active = pathname === n.to || pathname.startsWith(`${n.to}/`);
              return (
                <NavItem key={n.to} isActive={active}>
                  <NavLink to={n.to} aria-current={active ? 'page' : undefined}>
                    {t(n.label)}
                  </NavLink>
                </NavItem>
              );
            })}
          </NavList>
        </Nav>
      </PageSidebarBody>
    </PageSidebar>
  );

  const page = (
    <Page
      masthead={masthead}
      sidebar={sidebar}
      isManagedSidebar
      mainContainerId="main-content"
      skipToContent={<SkipToContent href="#main-content">{t('app.skipToContent')}</SkipToContent>}
    >
      <Outlet />
      <OperationsFollower />
    </Page>
  );

  if (!Panel) return page;
  return (
    <Drawer isExpanded={panelOpen} isInline position="end" style={{ height: '100vh' }}>
      <DrawerContent
        panelContent={
          <DrawerPanelContent widths={{ default: 'width_50' }} isResizable resizeAriaLabel={t('app.emulatorPanelResize')} role="complementary" aria-label={t('app.emulatorPanel')}>
            <DrawerHead>{panelOpen ? <Panel onClose={() => setPanelOpen(false)} /> : null}</DrawerHead>
          </DrawerPanelContent>
        }
      >
        <DrawerContentBody>{page}</DrawerContentBody>
      </DrawerContent>
    </Drawer>
  );
}
