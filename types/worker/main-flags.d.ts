/** The flags of `value`, for a reference to it (0 for functions: callability is the shape). */
export declare function remoteFlagsOf(value: object): number;
