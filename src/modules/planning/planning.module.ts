import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { acceptRawBody } from '../imports/raw-body-routes';
import { CurriculumController } from './curriculum.controller';
import { CurriculumService } from './curriculum.service';
import { CurriculumHours } from './entities/curriculum-hours.entity';
import { PlanTopic } from './entities/plan-topic.entity';
import { ThematicPlan } from './entities/thematic-plan.entity';
import { PLAN_IMPORT_ROUTE, PlanController } from './plan.controller';
import { PlanService } from './plan.service';

/**
 * Thematic planning (issue 5, R-PLN-1, 2, 4): the curriculum (учебный план) and the thematic plans (КТП) of teaching
 * assignments, their XLSX import/export and copy to the parallel classes. Laying topics onto dated lessons and
 * coverage (R-PLN-3) come with the dated lessons: PlanService.topicsOf is their entry point.
 */
@Module({
  imports: [TypeOrmModule.forFeature([CurriculumHours, ThematicPlan, PlanTopic])],
  controllers: [CurriculumController, PlanController],
  providers: [CurriculumService, PlanService],
  exports: [PlanService],
})
export class PlanningModule implements OnModuleInit {
  onModuleInit(): void {
    acceptRawBody(PLAN_IMPORT_ROUTE);
  }
}
