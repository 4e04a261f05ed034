/** The screens around the library that every phone and accessibility check visits. */
export const MEDIA_SETTINGS_PATHS = [
  '/media/settings',
  '/media/settings/trash',
  '/media/settings/activity',
  '/media/settings/usage',
  '/media/settings/storage',
  '/apis',
] as const;

/** The settings screens (tests/ui/accessibility.spec.ts checks them with axe). */
export const SETTINGS_PATHS = [
  '/settings/members',
  '/settings/roles',
  '/settings/api-keys',
  '/settings/account',
] as const;
