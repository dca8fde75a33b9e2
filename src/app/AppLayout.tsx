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

const NAV = [
  { to: paths.vms(), label: 'Virtual Machines' },
  { to: paths.disks(), label: 'Disks' },
  { to: paths.hosts(), label: 'Hosts' },
] as const;

function ThemeChoices({ onDone }: { onDone: () => void }) {
  const { choice, dark } = useTheme();
  const items: Array<{ value: ThemeChoice; label: string }> = [
    { value: 'system', label: 'As the system' },
    { value: 'light', label: 'Light' },
    { value: 'dark', label: 'Dark' },
  ];
  const inUse = choice === 'system' ? `In use (${dark ? 'dark' : 'light'} now)` : 'In use';
  return (
    <DropdownGroup label="Theme" labelHeadingLevel="h2">
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
            {i.label}
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
          <MenuToggle ref={ref} onClick={() => setOpen((o) => !o)} isExpanded={open} variant="plainText" aria-label={`User menu for ${user}`}>
            {user}
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
            Log out
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
          <PageToggleButton isHamburgerButton aria-label="Main navigation" />
        </MastheadToggle>
        <MastheadBrand>
          <span style={{ fontWeight: 600, fontSize: '1.125rem' }}>Direct LUN Console</span>
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
        <Nav aria-label="Main">
          <NavList>
            {NAV.map((n) => {
              const active = pathname === n.to || pathname.startsWith(`${n.to}/`);
              return (
                <NavItem key={n.to} isActive={active}>
                  <NavLink to={n.to} aria-current={active ? 'page' : undefined}>
                    {n.label}
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
      skipToContent={<SkipToContent href="#main-content">Skip to content</SkipToContent>}
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
          <DrawerPanelContent widths={{ default: 'width_50' }} isResizable role="complementary" aria-label="Emulator panel">
            <DrawerHead>{panelOpen ? <Panel onClose={() => setPanelOpen(false)} /> : null}</DrawerHead>
          </DrawerPanelContent>
        }
      >
        <DrawerContentBody>{page}</DrawerContentBody>
      </DrawerContent>
    </Drawer>
  );
}
