import { jestConfig } from '@twinlink/jest-preset';

export default jestConfig({ rootDir: import.meta.dirname, displayName: 'bench' });
