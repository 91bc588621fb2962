import { ApiProperty } from '@nestjs/swagger';

export class NetworkNodeDto {
  @ApiProperty({ example: 'PRK' }) id: string;
  @ApiProperty({ example: 'North Korea' }) name: string;
  @ApiProperty({ example: 'state' }) kind: string;
}

export class NetworkEdgeDto {
  @ApiProperty({ example: 'PRK' }) source: string;
  @ApiProperty({ example: 'RUS' }) target: string;
  @ApiProperty({ example: 'arms_transfer' }) type: string;
  @ApiProperty({ description: 'Events (clusters) on this link' }) clusters: number;
  @ApiProperty({ type: [String], description: 'Ids of its latest clusters (up to 50)' })
  cluster_ids: string[];
}

export class NetworkDto {
  @ApiProperty({ type: [NetworkNodeDto] }) nodes: NetworkNodeDto[];
  @ApiProperty({ type: [NetworkEdgeDto] }) edges: NetworkEdgeDto[];
  @ApiProperty({ description: 'More than 1,000 links matched; narrow the filters' }) truncated: boolean;
}
