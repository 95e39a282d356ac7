import { jestConfig } from '@twinlink/jest-preset';
import { withBrokers } from '@twinlink/brokers/jest';

export default withBrokers(jestConfig({ rootDir: import.meta.dirname, displayName: 'server' }), ['mosquitto', 'mosquitto-auth', 'mosquitto-tls', 'rabbitmq']);
