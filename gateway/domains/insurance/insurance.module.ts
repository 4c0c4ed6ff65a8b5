import { Module } from '@nestjs/common';
import { InsuranceController } from './insurance.controllers';
import { InsuranceHandler } from './insurance.handlers';
import { InsuranceRepository } from './insurance.repository';
import { ShipmentDeclarationService } from './shipment-declaration.service';

/** Credit insurance: policies, buyer limits, shipment declarations to Sinosure (0700-insurance). */
@Module({
  controllers: [InsuranceController, InsuranceHandler],
  providers: [InsuranceRepository, ShipmentDeclarationService],
})
export class InsuranceModule {}
