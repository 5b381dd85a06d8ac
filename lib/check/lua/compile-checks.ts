/**
 * The checks Lua 5.4's compiler (lparser.c) makes beyond the grammar, which `load` reports as syntax errors:
 * gotos and labels (visibility, duplicates, jumps into a local's scope), `break` outside a loop, assignment to a
 * `<const>`/`<close>` variable, `...` outside a vararg function, the 200-locals limit. It mirrors lparser.c's
 * FuncState, BlockCnt and label lists so each error comes at the same moment, hence on the same line, as in Lua.
 * Part of the Lua 5.4 parser, hand-written because no maintained npm parser reads Lua 5.4 (luaparse stops at
 * 5.3: no `<const>`/`<close>` attribs).
 */

export type VarKind = "reg" | "const" | "close";

interface VarDesc {
  name: string;
  kind: VarKind;
}

/** A label, or a pending goto (`break` is a goto to the label "break", which no source can name). */
interface LabelDesc {
  name: string;
  line: number;
  /** Active locals where the label or goto stands. */
  nactvar: number;
}

interface BlockState {
  previous: BlockState | null;
  /** Active locals outside the block. */
  nactvar: number;
  firstLabel: number;
  firstGoto: number;
  isLoop: boolean;
}

interface FuncState {
  previous: FuncState | null;
  isVararg: boolean;
  /** Where the function is defined, for the limit message (0: the main chunk). */
  line: number;
  firstLocal: number;
  firstLabel: number;
  nactvar: number;
  block: BlockState;
}

/** lparser.c's MAXVARS. */
const MAX_LOCALS = 200;

/** `fail(message)` throws the error at the parser's current token, as luaK_semerror does (no "near"). */
export class CompileChecks {
  private readonly vars: VarDesc[] = [];
  private readonly labels: LabelDesc[] = [];
  private readonly gotos: LabelDesc[] = [];
  private fs: FuncState | null = null;

  constructor(private readonly fail: (message: string, near: boolean) => never) {}

  private get current(): FuncState {
    if (!this.fs) throw new Error("no open function");
    return this.fs;
  }

  get isVararg(): boolean {
    return this.current.isVararg;
  }

  setVararg(): void {
    this.current.isVararg = true;
  }

  openFunction(isVararg: boolean, line: number): void {
    const firstLocal = this.vars.length;
    const firstLabel = this.labels.length;
    const block = { previous: null, nactvar: 0, firstLabel, firstGoto: this.gotos.length, isLoop: false };
    this.fs = { previous: this.fs, isVararg, line, firstLocal, firstLabel, nactvar: 0, block };
  }

  /** Leaves the function's outermost block, where a goto still pending has no label to go to. */
  closeFunction(): void {
    this.leaveBlock();
    this.fs = this.current.previous;
  }

  enterBlock(isLoop: boolean): void {
    const fs = this.current;
    fs.block = {
      previous: fs.block,
      nactvar: fs.nactvar,
      firstLabel: this.labels.length,
      firstGoto: this.gotos.length,
      isLoop,
    };
  }

  /** lparser.c's leaveblock. */
  leaveBlock(): void {
    const fs = this.current;
    const bl = fs.block;
    fs.nactvar = bl.nactvar;
    this.vars.length = fs.firstLocal + bl.nactvar;
    if (bl.isLoop) this.createLabel("break", 0, false);
    this.labels.length = bl.firstLabel;
    if (bl.previous) {
      fs.block = bl.previous;
      // Pending gotos move out to the enclosing block, at its level.
      for (let i = bl.firstGoto; i < this.gotos.length; i++) this.gotos[i].nactvar = bl.nactvar;
    } else if (bl.firstGoto < this.gotos.length) {
      const pending = this.gotos[bl.firstGoto];
      if (pending.name === "break") this.fail(`break outside loop at line ${pending.line}`, false);
      this.fail(`no visible label '${pending.name}' for <goto> at line ${pending.line}`, false);
    }
  }

  /** lparser.c's new_localvar: declared, not yet visible (see activateLocals). */
  declareLocal(name: string, kind: VarKind = "reg"): void {
    const fs = this.current;
    if (this.vars.length + 1 - fs.firstLocal > MAX_LOCALS) {
      const where = fs.line === 0 ? "main function" : `function at line ${fs.line}`;
      this.fail(`too many local variables (limit is ${MAX_LOCALS}) in ${where}`, true);
    }
    this.vars.push({ name, kind });
  }

  /** Sets the attribute of the local declared last. */
  setLastLocalKind(kind: VarKind): void {
    this.vars[this.vars.length - 1].kind = kind;
  }

  /** lparser.c's adjustlocalvars: the last `count` declared locals come into scope. */
  activateLocals(count: number): void {
    this.current.nactvar += count;
  }

  /** The kind of the local a name resolves to (through enclosing functions), or null for a global. */
  findKind(name: string): VarKind | null {
    for (let fs = this.fs; fs; fs = fs.previous) {
      for (let i = fs.nactvar - 1; i >= 0; i--) {
        const v = this.vars[fs.firstLocal + i];
        if (v.name === name) return v.kind;
      }
    }
    return null;
  }

  /** `goto name`: a backward jump to a visible label, or pending until the label comes. */
  addGoto(name: string, line: number): void {
    if (this.findLabel(name)) return;
    this.gotos.push({ name, line, nactvar: this.current.nactvar });
  }

  addBreak(line: number): void {
    this.gotos.push({ name: "break", line, nactvar: this.current.nactvar });
  }

  /**
   * `::name::` (after the no-op statements that follow it): `last` when it ends its block, so the block's locals
   * count as out of scope and a goto may jump over them to it.
   */
  addLabel(name: string, line: number, last: boolean): void {
    const previous = this.findLabel(name);
    if (previous) this.fail(`label '${name}' already defined on line ${previous.line}`, false);
    this.createLabel(name, line, last);
  }

  /** A label visible here: in this block or an enclosing one of the same function. */
  private findLabel(name: string): LabelDesc | undefined {
    for (let i = this.current.firstLabel; i < this.labels.length; i++) {
      if (this.labels[i].name === name) return this.labels[i];
    }
    return undefined;
  }

  /** lparser.c's createlabel and solvegotos: the pending gotos of this block to that name land here. */
  private createLabel(name: string, line: number, last: boolean): void {
    const fs = this.current;
    const label = { name, line, nactvar: last ? fs.block.nactvar : fs.nactvar };
    this.labels.push(label);
    let i = fs.block.firstGoto;
    while (i < this.gotos.length) {
      const pending = this.gotos[i];
      if (pending.name !== name) {
        i++;
        continue;
      }
      if (pending.nactvar < label.nactvar) {
        const local = this.vars[fs.firstLocal + pending.nactvar].name;
        this.fail(`<goto ${name}> at line ${pending.line} jumps into the scope of local '${local}'`, false);
      }
      this.gotos.splice(i, 1);
    }
  }
}
