import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentActor } from '../../common/access/access.decorator';
import { Actor } from '../../common/access/actor';
import { SCHOOL_ROLES } from '../../common/access/role';
import { ApiProblems } from '../../common/errors/api-problems.decorator';
import { ApiPageResponse, Page } from '../../common/pagination/pagination';
import { NotificationListQuery, NotificationResponse } from './dto/notification.dto';
import { NotificationService } from './notification.service';

/** The caller's own notifications: every school role; another user's are 404. */
@ApiTags('messaging')
@Controller('notifications')
export class NotificationController {
  constructor(private readonly notifications: NotificationService) {}

  @Get()
  @Access(...SCHOOL_ROLES)
  @ApiOperation({ operationId: 'listNotifications', summary: 'My notifications, newest first; unread=true for the unread ones' })
  @ApiPageResponse(NotificationResponse)
  @ApiProblems(400, 422)
  list(@CurrentActor() actor: Actor, @Query() query: NotificationListQuery): Promise<Page<NotificationResponse>> {
    return this.notifications.list(actor, query);
  }

  @Post(':notificationId/read')
  @HttpCode(200)
  @Access(...SCHOOL_ROLES)
  @ApiOperation({ operationId: 'markNotificationRead', summary: 'Mark one of my notifications read' })
  @ApiProblems(400, 404)
  markRead(@CurrentActor() actor: Actor, @Param('notificationId', ParseUUIDPipe) id: string): Promise<NotificationResponse> {
    return this.notifications.markRead(actor, id);
  }
}
