using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Dimona.Grpc.Persistence.PostgreSqlMigrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Employers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(96)", maxLength: 96, nullable: false),
                    EnterpriseNumber = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    OnssNumber = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: true),
                    ProvisionalOnssNumber = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    Active = table.Column<bool>(type: "boolean", nullable: false),
                    Street = table.Column<string>(type: "text", nullable: false),
                    HouseNumber = table.Column<string>(type: "text", nullable: false),
                    Box = table.Column<string>(type: "text", nullable: false),
                    PostCode = table.Column<string>(type: "text", nullable: false),
                    Municipality = table.Column<string>(type: "text", nullable: false),
                    Country = table.Column<string>(type: "text", nullable: false),
                    Category = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true),
                    NaceCodes = table.Column<string>(type: "character varying(59)", maxLength: 59, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Employers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Declarations",
                columns: table => new
                {
                    DeclarationNumber = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    RequestId = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: false),
                    EmployerId = table.Column<long>(type: "bigint", nullable: false),
                    Kind = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Status = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    ReceiveTime = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    WorkerNiss = table.Column<string>(type: "character varying(11)", maxLength: 11, nullable: true),
                    PeriodId = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    JointCommittee = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true),
                    WorkerType = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: true),
                    EndDate = table.Column<DateOnly>(type: "date", nullable: true),
                    StartHour = table.Column<TimeOnly>(type: "time without time zone", nullable: true),
                    EndHour = table.Column<TimeOnly>(type: "time without time zone", nullable: true),
                    PlannedHours = table.Column<int>(type: "integer", nullable: true),
                    IdentifiedNiss = table.Column<string>(type: "character varying(11)", maxLength: 11, nullable: true),
                    ReceivedJson = table.Column<string>(type: "text", nullable: false),
                    AnomaliesJson = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Declarations", x => x.DeclarationNumber);
                    table.ForeignKey(
                        name: "FK_Declarations_Employers_EmployerId",
                        column: x => x.EmployerId,
                        principalTable: "Employers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Periods",
                columns: table => new
                {
                    PeriodId = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    EmployerId = table.Column<long>(type: "bigint", nullable: false),
                    WorkerNiss = table.Column<string>(type: "character varying(11)", maxLength: 11, nullable: false),
                    JointCommittee = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    WorkerType = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    State = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "date", nullable: true),
                    StartHour = table.Column<TimeOnly>(type: "time without time zone", nullable: true),
                    EndHour = table.Column<TimeOnly>(type: "time without time zone", nullable: true),
                    PlannedHours = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Periods", x => x.PeriodId);
                    table.ForeignKey(
                        name: "FK_Periods_Employers_EmployerId",
                        column: x => x.EmployerId,
                        principalTable: "Employers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Declarations_Changes",
                table: "Declarations",
                column: "PeriodId",
                filter: "\"Kind\" <> 'IN'");

            migrationBuilder.CreateIndex(
                name: "IX_Declarations_EmployerId_ReceiveTime",
                table: "Declarations",
                columns: new[] { "EmployerId", "ReceiveTime" });

            migrationBuilder.CreateIndex(
                name: "IX_Declarations_EmployerId_RequestId",
                table: "Declarations",
                columns: new[] { "EmployerId", "RequestId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Declarations_Pending",
                table: "Declarations",
                columns: new[] { "ReceiveTime", "DeclarationNumber" },
                filter: "\"Status\" = 'Pending'");

            migrationBuilder.CreateIndex(
                name: "IX_Employers_EnterpriseNumber",
                table: "Employers",
                column: "EnterpriseNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Employers_OnssNumber",
                table: "Employers",
                column: "OnssNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Employers_ProvisionalOnssNumber",
                table: "Employers",
                column: "ProvisionalOnssNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Periods_EmployerId_StartDate",
                table: "Periods",
                columns: new[] { "EmployerId", "StartDate" });

            migrationBuilder.CreateIndex(
                name: "IX_Periods_WorkerNiss_EmployerId",
                table: "Periods",
                columns: new[] { "WorkerNiss", "EmployerId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Declarations");

            migrationBuilder.DropTable(
                name: "Periods");

            migrationBuilder.DropTable(
                name: "Employers");
        }
    }
}
