import { formatLocation, TradeError } from '../../core/errors/trade-error';
import { validateDocument } from '../../core/model/documents';
import type { Detection } from '../../core/translation/contract';
import {
  carrierContext,
  sinoOceanLines,
} from '../../mappings/carrier-edifact/__fixtures__/carrier-partners.fixture';
import { gatewayFormatRegistry } from '../../gateway/connectors/format-registry';
import type { FormatRegistry, PartnerFormatHint } from '../../mappings/pipeline/format-registry';
import { lenientRegistry } from '../../mappings/pipeline/lenient-registry';
import { translate, type Translation } from '../../mappings/pipeline/translate';

/** What one input did wrong; none means it got results or located errors only. */
export interface Fault {
  /** throw: an exception left translate() or detect(); internal: a crash translate() caught. */
  kind: 'throw' | 'internal' | 'unlocated';
  stage: string;
  message: string;
}

export interface Outcome {
  format: string;
  faults: Fault[];
}

/**
 * The entry points under test, as the CLI and the normalizer call them: detect() alone, then
 * translate() strict without partner hints and lenient with a hint naming one of the mappings
 * registered for the detected format (rotating), so every mapping sees mutated input.
 */
export class FuzzTarget {
  private readonly strict: FormatRegistry = gatewayFormatRegistry();
  private readonly lenient: FormatRegistry = lenientRegistry(this.strict);
  private readonly hints = new Map<string, PartnerFormatHint[]>();
  private turn = 0;

  constructor() {
    for (const m of this.strict.inboundMappings()) {
      const list = this.hints.get(m.format) ?? [];
      for (const messageType of m.messageTypes)
        list.push({ format: m.format, messageType, mapping: m.id, direction: 'in' });
      this.hints.set(m.format, list);
    }
  }

  run(input: Buffer): Outcome {
    const faults: Fault[] = [];
    let detection: Detection | null = null;
    try {
      detection = this.strict.detect(input);
    } catch (err) {
      const fault = thrownFault(err, 'detect');
      if (fault) faults.push(fault);
    }
    const format = detection?.format ?? 'none';
    this.check(faults, () => translate(input, this.options(this.strict, [])));
    if (detection) {
      const hint = this.pick(detection);
      this.check(faults, () => translate(input, this.options(this.lenient, hint ? [hint] : [])));
    }
    return { format, faults };
  }

  private pick(detection: Detection): PartnerFormatHint | undefined {
    const all = this.hints.get(detection.format) ?? [];
    const same = all.filter((h) => h.messageType === detection.messageType);
    const from = same.length ? same : all;
    return from.length ? from[this.turn++ % from.length] : undefined;
  }

  private options(registry: FormatRegistry, hints: PartnerFormatHint[]) {
    const context = carrierContext(sinoOceanLines.partnerId);
    return {
      registry,
      context: { ...context, clientId: 'fuzz' },
      hints: hints.map((h) => (h.format === 'edifact' ? { ...h, settings: context.settings } : h)),
      validate: (type: string, payload: unknown) => validateDocument(type, payload),
      requireMapping: true,
    };
  }

  private check(faults: Fault[], run: () => Translation): void {
    let t: Translation;
    try {
      t = run();
    } catch (err) {
      // translate() promises never to throw, not even a located error.
      faults.push({ kind: 'throw', stage: 'translate', message: messageOf(err) });
      return;
    }
    for (const e of t.errors) {
      if (e.kind === 'internal')
        faults.push({ kind: 'internal', stage: e.stage, message: e.message });
      else if (needsLocation(e.stage, e.message) && formatLocation(e.location) === '')
        faults.push({ kind: 'unlocated', stage: e.stage, message: e.message });
    }
  }
}

/** Input faults (detect, parse) must say where; a missing mapping or partner setting need not. */
function needsLocation(stage: string, message: string): boolean {
  return (stage === 'detect' || stage === 'parse') && !message.startsWith('no mapping for');
}

/** detect() may refuse with a located TradeError; anything else it throws is a fault. */
function thrownFault(err: unknown, stage: string): Fault | undefined {
  if (err instanceof TradeError && err.kind !== 'internal' && formatLocation(err.location) !== '')
    return undefined;
  return { kind: 'throw', stage, message: messageOf(err) };
}

function messageOf(err: unknown): string {
  return err instanceof Error ? `${err.name}: ${err.message}` : String(err);
}

/** A fault with numbers and quoted values blanked, so one cause counts once. */
export function signature(f: Fault): string {
  const message = f.message
    .replace(/"[^"]*"|'[^']*'/g, '…')
    .replace(/\d+/g, 'N')
    .slice(0, 140);
  return `${f.kind} ${f.stage}: ${message}`;
}
