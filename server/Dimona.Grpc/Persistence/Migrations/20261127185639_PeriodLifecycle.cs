using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dimona.Grpc.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class PeriodLifecycle : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Periods_EmployerId_WorkerNiss",
                table: "Periods");

            migrationBuilder.AddColumn<string>(
                name: "State",
                table: "Periods",
                type: "TEXT",
                maxLength: 12,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Category",
                table: "Employers",
                type: "TEXT",
                maxLength: 3,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NaceCodes",
                table: "Employers",
                type: "TEXT",
                maxLength: 59,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "EndDate",
                table: "Declarations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<TimeOnly>(
                name: "EndHour",
                table: "Declarations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "IdentifiedNiss",
                table: "Declarations",
                type: "TEXT",
                maxLength: 11,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "JointCommittee",
                table: "Declarations",
                type: "TEXT",
                maxLength: 3,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PlannedHours",
                table: "Declarations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "StartDate",
                table: "Declarations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<TimeOnly>(
                name: "StartHour",
                table: "Declarations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WorkerType",
                table: "Declarations",
                type: "TEXT",
                maxLength: 3,
                nullable: true);

            // Periods stored before the lifecycle: open without an end date, closed with one. Their declarations (all INs)
            // take the period's features as typed columns; those without a period keep them only in the received JSON.
            migrationBuilder.Sql("UPDATE Periods SET State = CASE WHEN EndDate IS NULL THEN 'Open' ELSE 'Closed' END;");
            migrationBuilder.Sql(
                "UPDATE Declarations SET (JointCommittee, WorkerType, StartDate, EndDate, StartHour, EndHour, PlannedHours) = " +
                "(SELECT p.JointCommittee, p.WorkerType, p.StartDate, p.EndDate, p.StartHour, p.EndHour, p.PlannedHours " +
                "FROM Periods p WHERE p.PeriodId = Declarations.PeriodId) WHERE PeriodId IS NOT NULL;");

            // INs without a period (refused or pending) take them from the request as received, so that a pending one
            // can still be resolved: the contract's JSON names the worker type WORKER_TYPE_XXX (absent for OTH) and hours HHMM.
            migrationBuilder.Sql(
                "UPDATE Declarations SET " +
                "JointCommittee = COALESCE(json_extract(ReceivedJson, '$.dimonaIn.jointCommittee'), ''), " +
                "WorkerType = COALESCE(substr(json_extract(ReceivedJson, '$.dimonaIn.workerType'), 13), 'OTH'), " +
                "StartDate = json_extract(ReceivedJson, '$.dimonaIn.startDate'), " +
                "EndDate = json_extract(ReceivedJson, '$.dimonaIn.endDate'), " +
                "StartHour = (SELECT substr(h, 1, 2) || ':' || substr(h, 3, 2) || ':00' FROM (SELECT json_extract(ReceivedJson, '$.dimonaIn.startHour') AS h) WHERE h IS NOT NULL), " +
                "EndHour = (SELECT substr(h, 1, 2) || ':' || substr(h, 3, 2) || ':00' FROM (SELECT json_extract(ReceivedJson, '$.dimonaIn.endHour') AS h) WHERE h IS NOT NULL), " +
                "PlannedHours = json_extract(ReceivedJson, '$.dimonaIn.plannedHours') " +
                "WHERE PeriodId IS NULL AND json_extract(ReceivedJson, '$.dimonaIn.startDate') IS NOT NULL;");

            migrationBuilder.CreateIndex(
                name: "IX_Periods_EmployerId_StartDate",
                table: "Periods",
                columns: new[] { "EmployerId", "StartDate" });

            migrationBuilder.CreateIndex(
                name: "IX_Periods_WorkerNiss_EmployerId",
                table: "Periods",
                columns: new[] { "WorkerNiss", "EmployerId" });

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
                name: "IX_Declarations_Pending",
                table: "Declarations",
                columns: new[] { "ReceiveTime", "DeclarationNumber" },
                filter: "\"Status\" = 'Pending'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Periods_EmployerId_StartDate",
                table: "Periods");

            migrationBuilder.DropIndex(
                name: "IX_Periods_WorkerNiss_EmployerId",
                table: "Periods");

            migrationBuilder.DropIndex(
                name: "IX_Declarations_Changes",
                table: "Declarations");

            migrationBuilder.DropIndex(
                name: "IX_Declarations_EmployerId_ReceiveTime",
                table: "Declarations");

            migrationBuilder.DropIndex(
                name: "IX_Declarations_Pending",
                table: "Declarations");

            migrationBuilder.DropColumn(
                name: "State",
                table: "Periods");

            migrationBuilder.DropColumn(
                name: "Category",
                table: "Employers");

            migrationBuilder.DropColumn(
                name: "NaceCodes",
                table: "Employers");

            migrationBuilder.DropColumn(
                name: "EndDate",
                table: "Declarations");

            migrationBuilder.DropColumn(
                name: "EndHour",
                table: "Declarations");

            migrationBuilder.DropColumn(
                name: "IdentifiedNiss",
                table: "Declarations");

            migrationBuilder.DropColumn(
                name: "JointCommittee",
                table: "Declarations");

            migrationBuilder.DropColumn(
                name: "PlannedHours",
                table: "Declarations");

            migrationBuilder.DropColumn(
                name: "StartDate",
                table: "Declarations");

            migrationBuilder.DropColumn(
                name: "StartHour",
                table: "Declarations");

            migrationBuilder.DropColumn(
                name: "WorkerType",
                table: "Declarations");

            migrationBuilder.CreateIndex(
                name: "IX_Periods_EmployerId_WorkerNiss",
                table: "Periods",
                columns: new[] { "EmployerId", "WorkerNiss" });
        }
    }
}
