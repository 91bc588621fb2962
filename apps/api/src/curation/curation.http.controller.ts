import { RequestWithApiKey, RequireScopes } from '@sitrep/auth';
import {
  BadRequestException,
  Body,
  ConflictException,
  Controller,
  Get,
  NotFoundException,
  Param,
  Put,
  Query,
  Req,
  Res,
  ServiceUnavailableException,
  ValidationPipe,
} from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { ClaimMarksRepository } from '@sitrep/persistence/curation';
import type { ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { MarkClaimCommand } from './commands/mark-claim/mark-claim.command';
import { ClaimSupersededError, CurationNotProjectedError } from './commands/mark-claim/mark-claim.errors';
import { ClaimMarkDto, ClaimMarksPageDto } from './dto/claim-mark.response.dto';
import { ListClaimMarksRequestDto, MarkClaimRequestDto } from './dto/mark-claim.request.dto';
import { exportClaimLabels } from './queries/export-claim-labels/export-claim-labels';
import { ListClaimMarksQuery } from './queries/list-claim-marks/list-claim-marks.query';

const validated = new ValidationPipe({ transform: true, whitelist: true, forbidNonWhitelisted: true });
const CLAIM_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;
const PROBLEM = { description: 'Problem details (application/problem+json)' };

/**
 * Curation: analysts mark claims wrong or confirmed (the `alerts` scope: the analysts' write scope, with
 * rule editing; a read-only key reads the marks but makes none); the marks are an audit list and labelled data.
 */
@ApiTags('curation')
@Controller('v1')
export class CurationHttpController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly marks: ClaimMarksRepository,
  ) {}

  @Put('claims/:id/mark')
  @RequireScopes('alerts')
  @ApiOperation({
    summary: 'Mark a claim wrong (with a reason: it leaves the timeline and alerts) or confirmed',
  })
  @ApiOkResponse({ type: ClaimMarkDto })
  @ApiBadRequestResponse(PROBLEM)
  @ApiNotFoundResponse(PROBLEM)
  @ApiConflictResponse({ description: 'The claim was replaced by a newer extraction' })
  async mark(
    @Param('id') id: string,
    @Body(validated) body: MarkClaimRequestDto,
    @Req() req: RequestWithApiKey,
  ): Promise<ClaimMarkDto> {
    if (body.verdict === 'wrong' && !body.reason?.trim())
      throw new BadRequestException(['reason is required to mark a claim wrong']);
    if (!CLAIM_ID.test(id)) throw new NotFoundException(`Unknown claim ${id}`);
    try {
      const mark = await this.commands.execute(
        new MarkClaimCommand(id, body.verdict, body.reason?.trim() ?? null, req.apiKey?.name ?? null),
      );
      if (!mark) throw new NotFoundException(`Unknown claim ${id}`);
      return mark;
    } catch (error) {
      if (error instanceof ClaimSupersededError) throw new ConflictException(error.message);
      if (error instanceof CurationNotProjectedError) throw new ServiceUnavailableException(error.message);
      throw error;
    }
  }

  @Get('claim-marks')
  @RequireScopes('read')
  @ApiOperation({ summary: 'The audit list: every mark, newest first (wrong claims stay visible here)' })
  @ApiOkResponse({ type: ClaimMarksPageDto })
  @ApiBadRequestResponse(PROBLEM)
  list(@Query(validated) query: ListClaimMarksRequestDto): Promise<ClaimMarksPageDto> {
    return this.queries.execute(new ListClaimMarksQuery(query.limit, query.cursor ?? null));
  }

  @Get('claim-marks/export')
  @RequireScopes('read')
  @ApiOperation({ summary: 'Labelled data: each marked claim with its verdict in force, as JSON Lines' })
  @ApiProduces('application/x-ndjson')
  export(@Res() res: ServerResponse): void {
    res.setHeader('content-type', 'application/x-ndjson; charset=utf-8');
    res.setHeader('content-disposition', 'attachment; filename="sitrep-claim-labels.jsonl"');
    const stream = Readable.from(exportClaimLabels(this.marks));
    stream.on('error', () => res.destroy());
    stream.pipe(res);
  }
}
