export const AMQP = Symbol('AmqpConnections');
export const TOPOLOGY = Symbol('TopologyNames');
