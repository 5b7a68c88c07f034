import { DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../config/app-config';
import { dataSourceOptions } from './data-source-options';

/** The database connection every process shares: api, worker, seed. */
export function databaseModule(config: AppConfig, applicationName: string): DynamicModule {
  if (!config.DATABASE_URL) throw new Error('DATABASE_URL must be resolved before the application starts');
  return TypeOrmModule.forRoot({
    ...dataSourceOptions(config.DATABASE_URL, config.DATABASE_POOL_SIZE, applicationName),
    autoLoadEntities: true,
  });
}
