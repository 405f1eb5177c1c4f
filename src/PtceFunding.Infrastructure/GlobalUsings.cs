// The namespaces nearly every persistence, identity and job class needs.
global using Microsoft.EntityFrameworkCore;
global using Microsoft.EntityFrameworkCore.Metadata.Builders;
global using PtceFunding.Application.Abstractions;
global using PtceFunding.Domain.Agreements;
global using PtceFunding.Domain.Applications;
global using PtceFunding.Domain.Calls;
global using PtceFunding.Domain.Committee;
global using PtceFunding.Domain.Common;
global using PtceFunding.Domain.Funders;
global using PtceFunding.Domain.Notifications;
global using PtceFunding.Domain.Organisations;
global using PtceFunding.Domain.Payments;
global using PtceFunding.Domain.Reminders;
global using PtceFunding.Domain.Reporting;
global using PtceFunding.Domain.Reviews;
global using PtceFunding.Domain.Territories;
global using PtceFunding.Domain.Users;
