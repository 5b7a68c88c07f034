"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ALL_QUEUES = exports.QueueName = void 0;
/** The BullMQ queues (architecture.md, Jobs). Processors register for one of these; the worker runs them. */
var QueueName;
(function (QueueName) {
    QueueName["Reports"] = "reports";
    QueueName["Forecasts"] = "forecasts";
    QueueName["Imports"] = "imports";
    QueueName["Notifications"] = "notifications";
})(QueueName || (exports.QueueName = QueueName = {}));
exports.ALL_QUEUES = Object.values(QueueName);
//# sourceMappingURL=queue-name.js.map