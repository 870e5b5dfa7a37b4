using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dimona.Grpc.Persistence.Migrations
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 96, nullable: false),
                    EnterpriseNumber = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    OnssNumber = table.Column<string>(type: "TEXT", maxLength: 9, nullable: true),
                    ProvisionalOnssNumber = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false),
                    Street = table.Column<string>(type: "TEXT", nullable: false),
                    HouseNumber = table.Column<string>(type: "TEXT", nullable: false),
                    Box = table.Column<string>(type: "TEXT", nullable: false),
                    PostCode = table.Column<string>(type: "TEXT", nullable: false),
                    Municipality = table.Column<string>(type: "TEXT", nullable: false),
                    Country = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Employers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Declarations",
                columns: table => new
                {
                    DeclarationNumber = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    RequestId = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    EmployerId = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    ReceiveTime = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    WorkerNiss = table.Column<string>(type: "TEXT", maxLength: 11, nullable: true),
                    PeriodId = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true),
                    ReceivedJson = table.Column<string>(type: "TEXT", nullable: false),
                    AnomaliesJson = table.Column<string>(type: "TEXT", nullable: false)
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
                    PeriodId = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    EmployerId = table.Column<long>(type: "INTEGER", nullable: false),
                    WorkerNiss = table.Column<string>(type: "TEXT", maxLength: 11, nullable: false),
                    JointCommittee = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    WorkerType = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    StartHour = table.Column<TimeOnly>(type: "TEXT", nullable: true),
                    EndHour = table.Column<TimeOnly>(type: "TEXT", nullable: true),
                    PlannedHours = table.Column<int>(type: "INTEGER", nullable: true)
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
                name: "IX_Declarations_EmployerId_RequestId",
                table: "Declarations",
                columns: new[] { "EmployerId", "RequestId" },
                unique: true);

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
                name: "IX_Periods_EmployerId_WorkerNiss",
                table: "Periods",
                columns: new[] { "EmployerId", "WorkerNiss" });
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
