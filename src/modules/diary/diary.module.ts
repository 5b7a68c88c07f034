import { Module } from '@nestjs/common';

/** The diary (дневник, issue 6): what a student and their guardians read — the week, marks, homework, coming topics. */
@Module({})
export class DiaryModule {}
