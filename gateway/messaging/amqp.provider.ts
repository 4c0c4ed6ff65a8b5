import type { Provider } from '@nestjs/common';
import type { AppConfig } from '../../core/config/config';
import type { Logger } from '../../core/logging/logger';
import { AmqpConnection } from '../../core/messaging/amqp-connection';
import { topologyNames } from '../../core/messaging/topology';
import { CONFIG, LOGGER } from '../infra/tokens';
import { AMQP, TOPOLOGY } from './messaging.tokens';

/** Publishing and consuming use separate connections, so a blocked publisher never stalls consumers. */
export interface AmqpConnections {
  publisher: AmqpConnection;
  consumer: AmqpConnection;
}

export const amqpProviders: Provider[] = [
  {
    provide: TOPOLOGY,
    inject: [CONFIG],
    useFactory: (config: AppConfig) => topologyNames(config.rabbit.namespace),
  },
  {
    provide: AMQP,
    inject: [CONFIG, LOGGER],
    useFactory: async (config: AppConfig, logger: Logger): Promise<AmqpConnections> => {
      const name = `tradehub-${config.rabbit.namespace || 'main'}-${process.pid}`;
      const open = (role: string) =>
        AmqpConnection.open({
          url: config.rabbit.url,
          connectionName: `${name}-${role}`,
          logger: logger.child({ amqp: role }),
        });
      return { publisher: await open('publisher'), consumer: await open('consumer') };
    },
  },
];
