import { Controller, Module, type Type } from '@nestjs/common';
import { EventPattern } from '@nestjs/microservices';
import type { EventEnvelope } from '../../core/model/events';
import type { EnvelopeContext } from '../../gateway/messaging/envelope-transport/envelope-context';
import {
  EnvelopeHandlers,
  OnEvent,
} from '../../gateway/messaging/envelope-transport/envelope-handlers.decorator';
import { dropBullQueues } from '../support/bull-cleanup';
import { startTestGateway } from '../support/gateway-harness';
import { dropTestDatabase, testConfig } from '../support/test-config';

// Each class breaks one rule; a gateway that imports it must refuse to start.
@EnvelopeHandlers('test-twice')
class TwoMethodsForOneBinding {
  @OnEvent('logistics.shipment.status')
  async first(envelope: EventEnvelope<'logistics.shipment.status'>, ctx: EnvelopeContext) {
    await ctx.tx.query('SELECT $1::text', [envelope.payload.sourceStatusCode]);
  }

  @EventPattern('logistics.shipment.status')
  async second(): Promise<void> {}
}

@Controller()
class NoQueue {
  @EventPattern('commerce.order.created')
  async created(): Promise<void> {}
}

@EnvelopeHandlers('test-shared')
class FirstOwner {
  @OnEvent('commerce.invoice.issued')
  async issued(): Promise<void> {}
}

@EnvelopeHandlers('test-shared')
class SecondOwner {
  @OnEvent('commerce.packing-list.issued')
  async issued(): Promise<void> {}
}

function moduleWith(...controllers: Type[]): Type {
  @Module({ controllers })
  class BrokenHandlers {}
  return BrokenHandlers;
}

async function bootFails(module: Type): Promise<string> {
  const config = testConfig();
  try {
    const gw = await startTestGateway({ config, imports: [module] });
    await gw.close();
    return 'started';
  } catch (err) {
    return (err as Error).message;
  } finally {
    await dropTestDatabase(config);
    await dropBullQueues(config.redis.url, config.redis.bullPrefix);
  }
}

describe('envelope handlers at boot', () => {
  it('refuses two methods for one binding of a queue', async () => {
    expect(await bootFails(moduleWith(TwoMethodsForOneBinding))).toMatch(
      /queue test-twice: two methods handle logistics.shipment.status/,
    );
  });

  it('refuses an event method whose class names no queue', async () => {
    expect(await bootFails(moduleWith(NoQueue))).toMatch(/commerce.order.created has no queue/);
  });

  it('refuses one queue named by two classes', async () => {
    expect(await bootFails(moduleWith(FirstOwner, SecondOwner))).toMatch(
      /queue test-shared is named by FirstOwner and SecondOwner/,
    );
  });
});
